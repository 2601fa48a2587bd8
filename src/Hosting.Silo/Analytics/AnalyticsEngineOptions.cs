namespace ProctorWise.Hosting.Silo.Analytics;

/// <summary>Which engine runs the analytics jobs (configuration key <c>Analytics:Engine</c>).</summary>
public sealed class AnalyticsEngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics";

    /// <summary><c>DuckDb</c> (in process, the default) or <c>SparkConnect</c> (a Spark cluster).</summary>
    public AnalyticsEngineKind Engine { get; set; } = AnalyticsEngineKind.DuckDb;
}
