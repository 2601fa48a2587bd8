namespace ProctorWise.Grains.Ports;

/// <summary>
/// The input partitions a run of a job would read for a period: one row per input and day of the period (with 0
/// files when absent), plus any later day that exists for inputs read past the period (grades that come later).
/// </summary>
/// <param name="Job">The job.</param>
/// <param name="Period">The period's key.</param>
/// <param name="Partitions">The partitions, by input then day.</param>
public sealed record AnalyticsInputReport(string Job, string Period, IReadOnlyList<AnalyticsInputPartition> Partitions)
{
    /// <summary>Whether at least one file of any input exists for the period.</summary>
    public bool HasAnyInput => Partitions.Any(p => p.Files > 0);
}
