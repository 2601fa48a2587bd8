namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>The MariaDB side: the server, the load (not part of the query time) and the aggregation.</summary>
internal sealed record MariaDbResult(
    string Version,
    long BufferPoolBytes,
    TimeSpan Load,
    IReadOnlyDictionary<string, long> RowsLoaded,
    TimeSpan Query,
    long? ServerPeakDuringQuery,
    IReadOnlyDictionary<string, long> RowsWritten,
    ResultDigest Digest);
