namespace ProctorWise.Grains.Ports;

/// <summary>One dataset a run wrote.</summary>
/// <param name="Name">The dataset.</param>
/// <param name="Rows">Its row count.</param>
public sealed record AnalyticsDatasetResult(string Name, long Rows);
