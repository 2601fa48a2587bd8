namespace ProctorWise.Analytics.Tests;

/// <summary>Period math: UTC days, ISO weeks from Monday 00:00 UTC, calendar months in UTC, and their keys.</summary>
public sealed class AnalyticsPeriodTests
{
    [Fact]
    public void ADayIsAUtcDay()
    {
        var day = AnalyticsPeriod.Containing(PeriodKind.Daily, new DateTimeOffset(2026, 12, 6, 0, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal("2026-12-05", day.Key);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), day.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), day.End);
        Assert.Equal([new DateOnly(2026, 12, 5)], day.Days);
    }

    [Fact]
    public void AWeekIsAnIsoWeekFromMondayMidnightUtc()
    {
        var week = AnalyticsPeriod.Containing(PeriodKind.Weekly, new DateTimeOffset(2026, 12, 5, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal("2026-W49", week.Key);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), week.Start);
        Assert.Equal(DayOfWeek.Monday, week.Start.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), week.End);
        Assert.Equal(7, week.Days.Count());
    }

    [Theory]
    [InlineData("2027-01-01", "2026-W53")] // 2026 starts on a Thursday: it has 53 ISO weeks
    [InlineData("2027-01-04", "2027-W01")]
    [InlineData("2025-12-29", "2026-W01")] // ISO week 1 of 2026 starts in December 2025
    [InlineData("2026-12-06", "2026-W49")] // Sunday ends the week
    [InlineData("2026-12-07", "2026-W50")]
    public void IsoWeeksCrossCalendarYears(string day, string key)
    {
        var instant = new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        Assert.Equal(key, AnalyticsPeriod.Containing(PeriodKind.Weekly, instant).Key);
    }

    [Fact]
    public void AMonthIsACalendarMonthInUtc()
    {
        var month = AnalyticsPeriod.Containing(PeriodKind.Monthly, new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(-2)));

        Assert.Equal("2027-01", month.Key);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), month.Start);
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero), month.End);
        Assert.Equal(31, month.Days.Count());
    }

    [Theory]
    [InlineData(PeriodKind.Daily, "2026-12-05", "2026-12-04", "2026-12-06")]
    [InlineData(PeriodKind.Daily, "2027-01-01", "2026-12-31", "2027-01-02")]
    [InlineData(PeriodKind.Weekly, "2027-W01", "2026-W53", "2027-W02")]
    [InlineData(PeriodKind.Monthly, "2026-01", "2025-12", "2026-02")]
    public void PeriodsFollowEachOther(PeriodKind kind, string key, string previous, string next)
    {
        var period = AnalyticsPeriod.Parse(kind, key);

        Assert.Equal(key, period.Key);
        Assert.Equal(previous, period.Previous().Key);
        Assert.Equal(next, period.Next().Key);
        Assert.Equal(period.Start, period.Previous().End);
    }

    [Theory]
    [InlineData(PeriodKind.Daily, "2026-12-05T02:00:00Z", "2026-12-04")]
    [InlineData(PeriodKind.Weekly, "2026-12-07T03:00:00Z", "2026-W49")]
    [InlineData(PeriodKind.Monthly, "2027-01-01T05:00:00Z", "2026-12")]
    public void TheLastCompletedPeriodIsTheOneBeforeNow(PeriodKind kind, string now, string key)
    {
        Assert.Equal(key, AnalyticsPeriod.LastCompleted(kind, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)).Key);
    }

    [Theory]
    [InlineData(PeriodKind.Daily, "2026-12-5")]
    [InlineData(PeriodKind.Daily, "2026-02-30")]
    [InlineData(PeriodKind.Daily, "2026-W49")]
    [InlineData(PeriodKind.Weekly, "2026-W54")]
    [InlineData(PeriodKind.Weekly, "2025-W53")] // 2025 has 52 ISO weeks
    [InlineData(PeriodKind.Weekly, "2026-W00")]
    [InlineData(PeriodKind.Weekly, "2026-49")]
    [InlineData(PeriodKind.Monthly, "2026-13")]
    [InlineData(PeriodKind.Monthly, "2026-12-01")]
    [InlineData(PeriodKind.Monthly, "")]
    public void MalformedKeysAreRefused(PeriodKind kind, string key)
    {
        Assert.False(AnalyticsPeriod.TryParse(kind, key, out _));
        var error = Assert.Throws<FormatException>(() => AnalyticsPeriod.Parse(kind, key));
        Assert.Contains("expected", error.Message, StringComparison.Ordinal);
    }
}
