using System.Globalization;
using ProctorWise.Analytics;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <summary>
/// Deletes lake data past its retention: raw partitions (<c>raw/&lt;namespace&gt;/date=…</c>) by their day, and job
/// outputs (<c>processed/&lt;job&gt;/&lt;period&gt;</c>) by the end of their period. A zero retention keeps data for ever.
/// Staging and hidden folders (names starting with <c>.</c> or <c>_</c>) are left to the engine, which tidies its own.
/// </summary>
internal sealed class LakeRetention(ILakeStorage lake, AnalyticsJobsOptions options)
{
    /// <summary>Deletes what is due at <paramref name="now"/>; returns the deleted folders.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var deleted = new List<string>();
        if (options.RawRetention > TimeSpan.Zero)
        {
            foreach (var ns in await DirectoriesAsync("raw", cancellationToken))
            {
                foreach (var partition in await DirectoriesAsync(ns.Path, cancellationToken))
                {
                    if (partition.Name.StartsWith("date=", StringComparison.Ordinal)
                        && DateOnly.TryParseExact(partition.Name["date=".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                        && new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= now - options.RawRetention)
                    {
                        await DeleteAsync(partition.Path, deleted, cancellationToken);
                    }
                }
            }
        }

        foreach (var job in JobCatalog.All)
        {
            var retention = RetentionOf(job.PeriodKind);
            if (retention <= TimeSpan.Zero)
            {
                continue;
            }

            foreach (var output in await DirectoriesAsync($"processed/{job.Name}", cancellationToken))
            {
                if (AnalyticsPeriod.TryParse(job.PeriodKind, output.Name, out var period) && period.End <= now - retention)
                {
                    await DeleteAsync(output.Path, deleted, cancellationToken);
                }
            }
        }

        return deleted;
    }

    private TimeSpan RetentionOf(PeriodKind kind) => kind switch
    {
        PeriodKind.Daily => options.DailyOutputRetention,
        PeriodKind.Weekly => options.WeeklyOutputRetention,
        _ => options.MonthlyOutputRetention,
    };

    private async Task<IEnumerable<LakeEntry>> DirectoriesAsync(string path, CancellationToken cancellationToken) =>
        await lake.GetEntryAsync(path, cancellationToken) is { IsDirectory: true }
            ? (await lake.ListAsync(path, cancellationToken: cancellationToken)).Where(e => e.IsDirectory && e.Name[0] is not ('.' or '_'))
            : [];

    private async Task DeleteAsync(string path, List<string> deleted, CancellationToken cancellationToken)
    {
        if (await lake.DeleteAsync(path, recursive: true, cancellationToken))
        {
            deleted.Add(path);
        }
    }
}
