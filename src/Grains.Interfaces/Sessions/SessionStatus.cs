namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>The life cycle of an attempt (docs/API.md §5 <c>session.status</c>).</summary>
[GenerateSerializer, Alias("pw.session-status")]
public enum SessionStatus
{
    /// <summary>Running: answers are accepted until the deadline.</summary>
    InProgress = 0,

    /// <summary>Submitted by the student.</summary>
    Submitted = 1,

    /// <summary>Ended by a proctor; auto-submitted.</summary>
    Terminated = 2,

    /// <summary>The deadline passed; auto-submitted by the server.</summary>
    Expired = 3,
}
