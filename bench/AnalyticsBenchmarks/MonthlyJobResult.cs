using ProctorWise.Grains.Ports;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>The monthly job's run on DuckDB, with the process's memory around it.</summary>
internal sealed record MonthlyJobResult(
    AnalyticsRunResult Run,
    TimeSpan Wall,
    long BaselineResident,
    long PeakResident,
    bool PeakWasReset,
    string MemoryLimit,
    long SpillPeakBytes,
    string Threads,
    ResultDigest Digest);
