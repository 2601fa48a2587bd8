namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>What the generator wrote and how long it took.</summary>
internal sealed record GenerationResult(
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, long> RowsByTable,
    long Duplicates,
    long LakeFiles,
    long LakeBytes,
    long CsvBytes);
