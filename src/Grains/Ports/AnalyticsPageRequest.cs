using ProctorWise.Analytics;

namespace ProctorWise.Grains.Ports;

/// <summary>A page of one written dataset.</summary>
/// <param name="LakeRoot">The lake's root (a local folder or <c>file://</c> URI).</param>
/// <param name="Job">The job.</param>
/// <param name="Period">The period; its kind must be the job's.</param>
/// <param name="Dataset">The dataset (one of the job's).</param>
/// <param name="Offset">Rows to skip, 0 or more.</param>
/// <param name="Limit">Rows to return, 1 to <see cref="MaxLimit"/>.</param>
/// <param name="SortBy">A column of the dataset to sort by (checked against its columns); null keeps the dataset's own order.</param>
/// <param name="Descending">Sort from the largest value.</param>
public sealed record AnalyticsPageRequest(
    string LakeRoot,
    string Job,
    AnalyticsPeriod Period,
    string Dataset,
    long Offset = 0,
    int Limit = 100,
    string? SortBy = null,
    bool Descending = false)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 10_000;
}
