namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>What happened to an anomaly; only <see cref="Opened"/> and <see cref="Escalated"/> alert proctors.</summary>
public enum AnomalyChangeKind
{
    /// <summary>A new anomaly: alert.</summary>
    Opened = 0,

    /// <summary>Its severity rose: alert again.</summary>
    Escalated = 1,

    /// <summary>It continues or repeats (reason, count): no alert, the counters show it.</summary>
    Updated = 2,

    /// <summary>The condition ended.</summary>
    Closed = 3,
}
