namespace ProctorWise.Hosting.Silo.Analytics;

/// <summary>The analytics engine a silo runs the jobs on (<c>Analytics:Engine</c>).</summary>
public enum AnalyticsEngineKind
{
    /// <summary>DuckDB in process over a local-folder lake (the default).</summary>
    DuckDb = 0,

    /// <summary>Apache Spark through Spark Connect (<c>Analytics:SparkConnect:*</c>).</summary>
    SparkConnect = 1,
}
