using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>Builds the pre-check report: which input partitions exist for a job's period.</summary>
internal static class InputReport
{
    /// <summary>Every day of the period for every input (0 files when absent), plus the existing days read around it.</summary>
    public static AnalyticsInputReport Build(string root, AnalyticsJobDefinition job, AnalyticsPeriod period)
    {
        var partitions = new List<AnalyticsInputPartition>();
        foreach (var input in job.Inputs)
        {
            var existing = LocalLake.Partitions(root, input, period);
            var days = new SortedSet<DateOnly>(period.Days);
            days.UnionWith(existing.Keys);
            partitions.AddRange(days.Select(day => new AnalyticsInputPartition(
                input.Definition.Namespace, input.Definition.EventType, day, existing.TryGetValue(day, out var files) ? files.Length : 0)));
        }

        return new AnalyticsInputReport(job.Name, period.Key, partitions);
    }
}
