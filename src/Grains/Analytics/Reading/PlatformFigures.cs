using System.Globalization;
using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics.Reading;

/// <summary>Platform figures from the live counts, the platform reports and the last daily run; the alerts on them.</summary>
internal static class PlatformFigures
{
    /// <summary>Days in the trend, today included.</summary>
    public const int TrendDays = 30;

    public static IReadOnlyList<string> Reports { get; } = ["platform_totals", "platform_hourly", "platform_daily"];

    public static Dictionary<string, string> Parameters(DateOnly today, AnalyticsAlertOptions alerts) => new(StringComparer.Ordinal)
    {
        [ReportCatalog.DayStart] = Timestamp(today),
        [ReportCatalog.DayEnd] = Timestamp(today.AddDays(1)),
        [ReportCatalog.TrendStart] = Timestamp(today.AddDays(1 - TrendDays)),
        [ReportCatalog.RecentAnomalies] = alerts.RecentAnomalies.ToString(CultureInfo.InvariantCulture),
    };

    public static PlatformAnalyticsView From(long users, long exams, DateOnly today, IReadOnlyDictionary<string, AnalyticsPage> pages,
        LastRunFigures? lastRun, AnalyticsAlertOptions alerts, DateTimeOffset now)
    {
        var totals = new ReportTable(pages["platform_totals"]);
        var anomaliesToday = totals.Long(0, "anomalies_today");
        IReadOnlyList<FigureSource> sources =
        [
            new(["users", "exams"], Sources.Live),
            new(["submissions", "sessions", "activeSessions", "examsToday", "sessionsToday", "submissionsToday", "anomaliesToday",
                 "hourlyActivity", "dailyTrends", "alerts"], Sources.Lake),
            .. lastRun is null ? Array.Empty<FigureSource>() : [new FigureSource(["lastRun"], Sources.LastRun, JobCatalog.DailyAnomalyAggregation, lastRun.Period)],
        ];
        return new PlatformAnalyticsView(
            users, exams,
            totals.Long(0, "submissions"), totals.Long(0, "sessions"), totals.Long(0, "active_sessions"),
            today,
            totals.Long(0, "exams_today"), totals.Long(0, "sessions_today"), totals.Long(0, "submissions_today"), anomaliesToday,
            Activity(new ReportTable(pages["platform_hourly"]), "hour"),
            Activity(new ReportTable(pages["platform_daily"]), "day"),
            lastRun,
            Alerts(anomaliesToday, totals.Long(0, "critical_recent"), alerts),
            sources,
            now);
    }

    /// <summary>The original's two alerts, with configurable thresholds.</summary>
    public static IReadOnlyList<PlatformAlert> Alerts(long anomaliesToday, long criticalRecent, AnalyticsAlertOptions options)
    {
        var alerts = new List<PlatformAlert>();
        if (anomaliesToday > options.AnomalySpike)
        {
            alerts.Add(new("anomaly_spike", "warning", $"{anomaliesToday} anomalies today, above {options.AnomalySpike}."));
        }

        if (criticalRecent > options.CriticalAnomalies)
        {
            alerts.Add(new("critical_anomalies", "critical",
                $"{criticalRecent} of the {options.RecentAnomalies} newest anomalies are critical, above {options.CriticalAnomalies}."));
        }

        return alerts;
    }

    /// <summary>Sums the last daily run's <c>by_exam</c> rows (one per exam with anomalies that day).</summary>
    public static LastRunFigures LastRun(string period, IEnumerable<AnalyticsPage> pages)
    {
        long anomalies = 0, critical = 0, exams = 0;
        foreach (var table in pages.Select(p => new ReportTable(p)))
        {
            foreach (var r in table.Indexes)
            {
                anomalies += table.Long(r, "total_anomalies");
                critical += table.Long(r, "critical_count");
                exams++;
            }
        }

        return new LastRunFigures(period, anomalies, critical, exams, exams == 0 ? null : (double)anomalies / exams);
    }

    private static IReadOnlyList<ActivityPoint> Activity(ReportTable table, string column) =>
        [.. table.Indexes.Select(r => new ActivityPoint(At(table.Value(r, column)), table.Long(r, "submissions"), table.Long(r, "anomalies")))];

    private static string At(object? value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Timestamp(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00";
}
