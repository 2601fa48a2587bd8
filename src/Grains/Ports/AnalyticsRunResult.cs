namespace ProctorWise.Grains.Ports;

/// <summary>What a run wrote.</summary>
/// <param name="Job">The job.</param>
/// <param name="Period">The period's key.</param>
/// <param name="Datasets">Each dataset written, in the job's order, with its row count.</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record AnalyticsRunResult(string Job, string Period, IReadOnlyList<AnalyticsDatasetResult> Datasets, TimeSpan Elapsed);
