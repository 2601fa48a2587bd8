using ProctorWise.Grains.Interfaces.Analytics;

namespace ProctorWise.Grains.Analytics;

/// <summary>The runs the index lists.</summary>
[GenerateSerializer, Alias("pw.analytics-run-index-state")]
public sealed class AnalyticsRunIndexState
{
    /// <summary>The latest view of each run, by job grain key.</summary>
    [Id(0)]
    public Dictionary<string, AnalyticsRunView> Runs { get; set; } = new(StringComparer.Ordinal);
}
