namespace ProctorWise.Analytics.SparkConnect;

/// <summary>The Spark Connect engine's settings (configuration section <c>Analytics:SparkConnect</c>).</summary>
public sealed class SparkConnectAnalyticsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics:SparkConnect";

    /// <summary>The Spark Connect server, <c>sc://host:15002/;token=…;use_ssl=…</c>. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The lake's root as the Spark cluster addresses it, e.g. <c>hdfs://namenode:8020/proctorwise/lake</c> or a path every
    /// executor mounts. Unset: the lake's local folder (Spark on the same machine or the same shared volume).
    /// </summary>
    public string? LakeRoot { get; set; }

    /// <summary>The longest one job run may take; past it the running operation is interrupted and the attempt fails.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Runs at once per silo; more wait their turn.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>Dataset pages and reports read at once per silo.</summary>
    public int MaxConcurrentReads { get; set; } = 4;

    /// <summary>How often a run starts over in a new session when the server restarted under it (its views were lost).</summary>
    public int MaxSessionRestarts { get; set; } = 1;
}
