using System.Globalization;

namespace ProctorWise.Analytics;

/// <summary>
/// One SELECT of a job, from an embedded <c>.sql</c> file: a view the job's datasets share, or a dataset written to
/// <c>processed/&lt;job&gt;/&lt;period&gt;/&lt;Name&gt;/</c>. The SQL names input views, earlier views and earlier datasets
/// of its job, and parameters the catalog substitutes as literals (<see cref="Parameters"/>).
/// </summary>
/// <param name="Name">The view's or dataset's name.</param>
/// <param name="ResourcePath">The file, relative to <c>src/Analytics/Jobs</c> (e.g. <c>views/anomalies.sql</c>).</param>
/// <param name="Template">The SQL with its <c>{{parameter}}</c> placeholders.</param>
public sealed record JobQuery(string Name, string ResourcePath, string Template)
{
    /// <summary>The pass mark in percent, as the original had it everywhere (a percentage at or above it passes).</summary>
    public const int PassMarkPercent = 60;

    /// <summary>The placeholders and what they become for a period.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        ["{{period_start}}", "{{period_end}}", "{{period_first_day}}", "{{period_key}}", "{{pass_mark}}"];

    /// <summary>The SQL for <paramref name="period"/>: placeholders replaced by portable literals.</summary>
    public string Sql(AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var invariant = CultureInfo.InvariantCulture;
        return Template
            .Replace("{{period_start}}", Timestamp(period.Start), StringComparison.Ordinal)
            .Replace("{{period_end}}", Timestamp(period.End), StringComparison.Ordinal)
            .Replace("{{period_first_day}}", $"DATE '{period.FirstDay.ToString("yyyy-MM-dd", invariant)}'", StringComparison.Ordinal)
            .Replace("{{period_key}}", $"'{period.Key}'", StringComparison.Ordinal)
            .Replace("{{pass_mark}}", PassMarkPercent.ToString(invariant), StringComparison.Ordinal);
    }

    // Both engines read TIMESTAMP 'yyyy-MM-dd HH:mm:ss' as a wall-clock time; the engines run their sessions in UTC.
    private static string Timestamp(DateTimeOffset instant) =>
        $"TIMESTAMP '{instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}'";
}
