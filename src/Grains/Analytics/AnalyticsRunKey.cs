using ProctorWise.Analytics;

namespace ProctorWise.Grains.Analytics;

/// <summary>The key of a job grain, <c>&lt;job&gt;/&lt;period&gt;</c> (<see cref="Interfaces.Analytics.AnalyticsRunView.KeyOf"/>), read back.</summary>
internal static class AnalyticsRunKey
{
    /// <summary>The job and period a key names.</summary>
    /// <exception cref="ArgumentException">The key names no job, or a period not of the job's kind.</exception>
    public static (AnalyticsJobDefinition Job, AnalyticsPeriod Period) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var job = slash > 0 ? JobCatalog.Find(key[..slash]) : null;
        return job is not null && AnalyticsPeriod.TryParse(job.PeriodKind, key[(slash + 1)..], out var period)
            ? (job, period)
            : throw new ArgumentException($"'{key}' is not a job/period key.", nameof(key));
    }
}
