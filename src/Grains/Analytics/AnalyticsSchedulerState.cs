namespace ProctorWise.Grains.Analytics;

/// <summary>What the schedule has done, so a tick after downtime knows what it missed.</summary>
[GenerateSerializer, Alias("pw.analytics-scheduler-state")]
public sealed class AnalyticsSchedulerState
{
    /// <summary>Per job, the newest period the schedule has dealt with (started, or passed over as older than the look-back).</summary>
    [Id(0)]
    public Dictionary<string, string> LastScheduled { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The UTC day of the last retention sweep.</summary>
    [Id(1)]
    public DateOnly? LastSweep { get; set; }
}
