using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Analytics;

/// <summary>
/// When periods are due (UTC): a day at <c>DailyAt</c> on the next day, an ISO week at <c>WeeklyAt</c> on the Monday
/// after it, a month at <c>MonthlyAt</c> on the 1st after it, i.e. the period's end plus the time of day.
/// </summary>
public static class AnalyticsSchedule
{
    /// <summary>The time of day after a period's end at which it runs.</summary>
    public static TimeSpan OffsetOf(PeriodKind kind, AnalyticsJobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return kind switch
        {
            PeriodKind.Daily => options.DailyAt,
            PeriodKind.Weekly => options.WeeklyAt,
            _ => options.MonthlyAt,
        };
    }

    /// <summary>When <paramref name="period"/> is due.</summary>
    public static DateTimeOffset DueAt(AnalyticsPeriod period, AnalyticsJobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.End + OffsetOf(period.Kind, options);
    }

    /// <summary>The newest period of <paramref name="kind"/> that is due at <paramref name="now"/>.</summary>
    public static AnalyticsPeriod LatestDue(PeriodKind kind, DateTimeOffset now, AnalyticsJobsOptions options) =>
        AnalyticsPeriod.LastCompleted(kind, now - OffsetOf(kind, options));

    /// <summary>
    /// The periods to start at <paramref name="now"/>, oldest first, given the newest one dealt with before
    /// (<paramref name="lastScheduled"/>, null on a cluster's first tick: then only the newest due). Missed periods are
    /// started as catch-up when they fell due within <c>CatchUpWindow</c>; older ones are passed over.
    /// </summary>
    public static IReadOnlyList<(AnalyticsPeriod Period, AnalyticsRunTrigger Trigger)> Due(
        PeriodKind kind, AnalyticsPeriod? lastScheduled, DateTimeOffset now, AnalyticsJobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var latest = LatestDue(kind, now, options);
        if (lastScheduled is null)
        {
            return [(latest, AnalyticsRunTrigger.Schedule)];
        }

        var due = new List<(AnalyticsPeriod, AnalyticsRunTrigger)>();
        for (var period = latest; period.Start > lastScheduled.Start && DueAt(period, options) >= now - options.CatchUpWindow; period = period.Previous())
        {
            due.Add((period, period == latest ? AnalyticsRunTrigger.Schedule : AnalyticsRunTrigger.CatchUp));
        }

        due.Reverse();
        return due;
    }

    /// <summary>Wait before attempt <paramref name="attempt"/> (2 or more): the delay, doubled for each further attempt, capped.</summary>
    public static TimeSpan RetryDelayBefore(int attempt, AnalyticsJobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doublings = Math.Clamp(attempt - 2, 0, 30);
        var ticks = Math.Min(options.RetryDelay.Ticks * Math.Pow(2, doublings), options.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
