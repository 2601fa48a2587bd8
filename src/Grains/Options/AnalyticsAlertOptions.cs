namespace ProctorWise.Grains.Options;

/// <summary>Thresholds of the platform analytics alerts (configuration section <c>Analytics:Alerts</c>), as the original's.</summary>
public sealed class AnalyticsAlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics:Alerts";

    /// <summary>More anomalies than this today raise a warning (<c>anomaly_spike</c>).</summary>
    public int AnomalySpike { get; set; } = 100;

    /// <summary>More critical anomalies than this among the <see cref="RecentAnomalies"/> newest raise a critical alert.</summary>
    public int CriticalAnomalies { get; set; } = 5;

    /// <summary>How many of the newest anomalies <see cref="CriticalAnomalies"/> looks at.</summary>
    public int RecentAnomalies { get; set; } = 10;
}
