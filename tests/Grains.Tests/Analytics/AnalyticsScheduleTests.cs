using ProctorWise.Analytics;
using ProctorWise.Grains.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>When periods fall due (UTC), what a tick starts after downtime, and the retry back-off.</summary>
public sealed class AnalyticsScheduleTests
{
    private static readonly AnalyticsJobsOptions s_defaults = new();

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void DefaultsAreTheOriginalsTimes()
    {
        // Daily 02:00 for the day before; weekly Monday 03:00 for the ISO week before; monthly the 1st 05:00 for the month before.
        Assert.Equal(Utc(2026, 12, 5, 2), AnalyticsSchedule.DueAt(AnalyticsPeriod.Parse(PeriodKind.Daily, "2026-12-04"), s_defaults));
        Assert.Equal(Utc(2026, 12, 7, 3), AnalyticsSchedule.DueAt(AnalyticsPeriod.Parse(PeriodKind.Weekly, "2026-W49"), s_defaults));
        Assert.Equal(DayOfWeek.Monday, AnalyticsSchedule.DueAt(AnalyticsPeriod.Parse(PeriodKind.Weekly, "2026-W49"), s_defaults).DayOfWeek);
        Assert.Equal(Utc(2027, 1, 1, 5), AnalyticsSchedule.DueAt(AnalyticsPeriod.Parse(PeriodKind.Monthly, "2026-12"), s_defaults));
    }

    [Fact]
    public void APeriodIsDueFromItsTimeOnNotBefore()
    {
        Assert.Equal("2026-12-03", AnalyticsSchedule.LatestDue(PeriodKind.Daily, Utc(2026, 12, 5, 1, 59), s_defaults).Key);
        Assert.Equal("2026-12-04", AnalyticsSchedule.LatestDue(PeriodKind.Daily, Utc(2026, 12, 5, 2), s_defaults).Key);
        Assert.Equal("2026-W48", AnalyticsSchedule.LatestDue(PeriodKind.Weekly, Utc(2026, 12, 7, 2, 59), s_defaults).Key);
        Assert.Equal("2026-W49", AnalyticsSchedule.LatestDue(PeriodKind.Weekly, Utc(2026, 12, 7, 3), s_defaults).Key);
        Assert.Equal("2026-10", AnalyticsSchedule.LatestDue(PeriodKind.Monthly, Utc(2026, 12, 1, 4, 59), s_defaults).Key);
        Assert.Equal("2026-11", AnalyticsSchedule.LatestDue(PeriodKind.Monthly, Utc(2026, 12, 1, 5), s_defaults).Key);
    }

    [Fact]
    public void TimesAreConfigurable()
    {
        var options = new AnalyticsJobsOptions { DailyAt = TimeSpan.FromHours(23), WeeklyAt = TimeSpan.Zero, MonthlyAt = TimeSpan.FromMinutes(30) };

        Assert.Equal(Utc(2026, 12, 5, 23), AnalyticsSchedule.DueAt(AnalyticsPeriod.Parse(PeriodKind.Daily, "2026-12-04"), options));
        Assert.Equal(Utc(2026, 12, 7), AnalyticsSchedule.DueAt(AnalyticsPeriod.Parse(PeriodKind.Weekly, "2026-W49"), options));
        Assert.Equal(Utc(2027, 1, 1, 0, 30), AnalyticsSchedule.DueAt(AnalyticsPeriod.Parse(PeriodKind.Monthly, "2026-12"), options));
    }

    [Fact]
    public void TheFirstTickRunsOnlyTheNewestDuePeriod()
    {
        var due = AnalyticsSchedule.Due(PeriodKind.Daily, null, Utc(2026, 12, 5, 10), s_defaults);

        Assert.Equal([("2026-12-04", AnalyticsRunTrigger.Schedule)], due.Select(d => (d.Period.Key, d.Trigger)));
    }

    [Fact]
    public void ATickAfterDowntimeCatchesUpWithinTheLookBackOnly()
    {
        var last = AnalyticsPeriod.Parse(PeriodKind.Daily, "2026-11-20");
        var options = new AnalyticsJobsOptions { CatchUpWindow = TimeSpan.FromDays(3) };

        var due = AnalyticsSchedule.Due(PeriodKind.Daily, last, Utc(2026, 12, 5, 10), options);

        // Due since Dec 2 10:00: Dec 1 (due Dec 2 02:00) is older and is passed over; Dec 2 and 3 are caught up.
        Assert.Equal(
            [("2026-12-02", AnalyticsRunTrigger.CatchUp), ("2026-12-03", AnalyticsRunTrigger.CatchUp), ("2026-12-04", AnalyticsRunTrigger.Schedule)],
            due.Select(d => (d.Period.Key, d.Trigger)));
    }

    [Fact]
    public void NothingIsDueTwice()
    {
        var last = AnalyticsPeriod.Parse(PeriodKind.Weekly, "2026-W49");

        Assert.Empty(AnalyticsSchedule.Due(PeriodKind.Weekly, last, Utc(2026, 12, 13, 23), s_defaults));
        Assert.Equal(["2026-W50"], AnalyticsSchedule.Due(PeriodKind.Weekly, last, Utc(2026, 12, 14, 3), s_defaults).Select(d => d.Period.Key));
    }

    [Fact]
    public void RetriesBackOffByDoublingUpToTheCap()
    {
        var options = new AnalyticsJobsOptions { RetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)],
            Enumerable.Range(2, 5).Select(attempt => AnalyticsSchedule.RetryDelayBefore(attempt, options)));
    }
}
