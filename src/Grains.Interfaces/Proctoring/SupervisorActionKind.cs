namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>What a supervisor did to a session (the room report's "actions taken").</summary>
[GenerateSerializer, Alias("pw.supervisor-action-kind")]
public enum SupervisorActionKind
{
    /// <summary>A warning sent to the student (text: the message).</summary>
    Warning = 0,

    /// <summary>The session was ended by a supervisor (text: the reason).</summary>
    Termination = 1,

    /// <summary>An alert about the session was acknowledged (text: the alert's reason).</summary>
    Acknowledgement = 2,

    /// <summary>The session was marked reviewed (text: the note).</summary>
    Review = 3,

    /// <summary>Extra minutes were given (text: "+N min").</summary>
    Extension = 4,
}
