namespace ProctorWise.Analytics.DuckDb;

/// <summary>The DuckDB engine's resources (configuration section <c>Analytics:DuckDb</c>).</summary>
public sealed class DuckDbAnalyticsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics:DuckDb";

    /// <summary>
    /// DuckDB's memory limit per run, e.g. <c>2GB</c> or <c>512MiB</c>; above it DuckDB spills to <see cref="TempDirectory"/>.
    /// Unset keeps DuckDB's default (80 % of the machine's memory), which is too much beside a silo.
    /// </summary>
    public string? MemoryLimit { get; set; } = "1GB";

    /// <summary>Threads one run may use; unset means DuckDB's default (the number of cores).</summary>
    public int? Threads { get; set; }

    /// <summary>Where DuckDB spills when a run exceeds its memory; unset means DuckDB's default (<c>.tmp</c> beside the database, here the working directory).</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Runs at once per silo; more wait their turn (a run holds memory up to <see cref="MemoryLimit"/>).</summary>
    public int MaxConcurrentRuns { get; set; } = 1;

    /// <summary>Dataset reads (API pages) at once per silo, apart from the runs, so a long run never stalls a page.</summary>
    public int MaxConcurrentReads { get; set; } = 4;
}
