namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>Whether a vision check ran.</summary>
[GenerateSerializer, Alias("pw.check-status")]
public enum CheckStatus
{
    /// <summary>The check ran.</summary>
    Ok = 0,

    /// <summary>The check is not configured or its model is missing; its absence is reported, never faked.</summary>
    Unavailable = 1,

    /// <summary>
    /// The server was at its analysis capacity and did not look at this frame (load shedding: the
    /// frame still proves the camera is alive; the next ones are analysed when capacity frees up).
    /// </summary>
    Skipped = 2,

    /// <summary>
    /// Not analysed because it was near-identical to the session's last analysed frame while no camera condition
    /// was pending (and that analysis was recent). Nothing was looked at: it is not a fresh result; it still
    /// proves the camera is alive.
    /// </summary>
    Unchanged = 3,
}
