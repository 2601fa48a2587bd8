namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>What the student hub tells a student.</summary>
[GenerateSerializer, Alias("pw.student-message-kind")]
public enum StudentMessageKind
{
    /// <summary>A proctor's warning (hub message <c>warning {message, at}</c>).</summary>
    Warning = 0,

    /// <summary>A proctor ended the session (hub message <c>terminated {reason}</c>).</summary>
    Terminated = 1,

    /// <summary>The deadline moved (hub message <c>deadlineChanged {deadline}</c>).</summary>
    DeadlineChanged = 2,
}
