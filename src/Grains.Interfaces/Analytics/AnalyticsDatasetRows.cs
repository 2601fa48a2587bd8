namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>One dataset a run wrote.</summary>
/// <param name="Name">The dataset.</param>
/// <param name="Rows">Its row count.</param>
[GenerateSerializer, Immutable, Alias("pw.analytics-dataset-rows")]
public sealed record class AnalyticsDatasetRows(string Name, long Rows);
