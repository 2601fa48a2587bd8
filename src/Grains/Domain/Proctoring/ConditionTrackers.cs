namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// Conditions in progress that have not (yet) become anomalies. Kept in memory only: after a
/// reactivation a condition simply starts again, while an anomaly still open continues.
/// </summary>
internal sealed class ConditionTrackers
{
    /// <summary>Last frame received (server time).</summary>
    public DateTimeOffset? LastFrameAt { get; set; }

    /// <summary>Since when no face has been visible.</summary>
    public DateTimeOffset? NoFaceSince { get; set; }

    /// <summary>Since when the head has been turned away.</summary>
    public DateTimeOffset? LookingAwaySince { get; set; }

    /// <summary>Consecutive frames with several faces.</summary>
    public int MultipleFaceFrames { get; set; }

    /// <summary>Consecutive frames showing a forbidden object.</summary>
    public int ObjectFrames { get; set; }
}
