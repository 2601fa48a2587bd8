namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>A page of one dataset of one job run.</summary>
/// <param name="Job">The job (<c>daily_anomaly_aggregation</c>…).</param>
/// <param name="Period">The period key of the job's kind (<c>2026-12-05</c>, <c>2026-W49</c>, <c>2026-12</c>).</param>
/// <param name="Dataset">The dataset (<c>by_exam</c>…).</param>
/// <param name="Offset">Rows to skip.</param>
/// <param name="Limit">Rows to return.</param>
/// <param name="SortBy">A column of the dataset, or null for its own order.</param>
/// <param name="Descending">Sort from the largest value.</param>
[GenerateSerializer, Immutable, Alias("pw.dataset-query")]
public sealed record class DatasetQuery(string Job, string Period, string Dataset, long Offset, int Limit, string? SortBy, bool Descending)
{
    /// <summary>The most rows one query returns (the engine's largest page).</summary>
    public const int MaxLimit = 10_000;
}
