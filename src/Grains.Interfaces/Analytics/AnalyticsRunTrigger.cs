namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>What started a run.</summary>
[GenerateSerializer, Alias("pw.analytics-run-trigger")]
public enum AnalyticsRunTrigger
{
    /// <summary>The scheduler, at the period's time.</summary>
    Schedule = 0,

    /// <summary>The scheduler, for a period it missed while the cluster was down.</summary>
    CatchUp = 1,

    /// <summary>An administrator, for one period.</summary>
    Manual = 2,

    /// <summary>An administrator's run of the whole chain (anomalies, then grades, then users).</summary>
    Chain = 3,
}
