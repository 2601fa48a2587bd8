using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>
/// The scheduler's tick by the domain clock: what it starts first, and what it catches up after downtime within the
/// look-back. Each test uses a scheduler of its own (a fresh key; production has one, <c>default</c>).
/// </summary>
[Collection(AnalyticsClusterCollection.Name)]
public sealed class AnalyticsSchedulerGrainTests(AnalyticsClusterFixture fixture)
{
    private const string Daily = "daily_anomaly_aggregation";

    private IAnalyticsSchedulerGrain NewScheduler() => fixture.Grains.GetGrain<IAnalyticsSchedulerGrain>("test-" + Guid.NewGuid().ToString("N"));

    // Day D runs at D+1 02:00 UTC (the default), so at `now` the newest due day is (now - 2 h) minus one day.
    private static DateOnly NewestDueDay(DateTimeOffset now) => DateOnly.FromDateTime(now.AddHours(-2).UtcDateTime).AddDays(-1);

    [Fact]
    public async Task ATickAfterDowntimeCatchesUpTheMissedPeriodsWithinTheLookBack()
    {
        var scheduler = NewScheduler();
        var first = await scheduler.TickAsync();

        // A new schedule starts the newest due period of each job, nothing older.
        var firstDaily = Assert.Single(first, r => r.Job == Daily);
        Assert.Equal(NewestDueDay(fixture.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), firstDaily.Period);
        Assert.Equal(AnalyticsRunTrigger.Schedule, firstDaily.Trigger);
        Assert.Equal(JobCatalog.All.Select(j => j.Name), first.Select(r => r.Job));

        // Three days down: the three days missed are run, oldest first, the older two as catch-up.
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var afterShortDowntime = (await scheduler.TickAsync()).Where(r => r.Job == Daily).ToList();
        var firstDay = DateOnly.Parse(firstDaily.Period, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [(Day(firstDay, 1), AnalyticsRunTrigger.CatchUp), (Day(firstDay, 2), AnalyticsRunTrigger.CatchUp), (Day(firstDay, 3), AnalyticsRunTrigger.Schedule)],
            afterShortDowntime.Select(r => (r.Period, r.Trigger)));

        // Ten days down with a 7-day look-back: only the days that fell due within the last 7 days are run.
        fixture.Clock.Advance(TimeSpan.FromDays(10));
        var now = fixture.Clock.GetUtcNow();
        var afterLongDowntime = (await scheduler.TickAsync()).Where(r => r.Job == Daily).Select(r => DateOnly.Parse(r.Period, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var lookBackStart = now - TimeSpan.FromDays(7);
        Assert.Equal(NewestDueDay(now), afterLongDowntime[^1]);
        Assert.True(DueAt(afterLongDowntime[0]) >= lookBackStart, $"{afterLongDowntime[0]} fell due before the look-back");
        Assert.True(DueAt(afterLongDowntime[0].AddDays(-1)) < lookBackStart, $"{afterLongDowntime[0].AddDays(-1)} fell due within the look-back but was not run");
        Assert.Equal(Enumerable.Range(0, afterLongDowntime.Count).Select(i => afterLongDowntime[0].AddDays(i)), afterLongDowntime);

        // Nothing is due twice.
        Assert.DoesNotContain(await scheduler.TickAsync(), r => r.Job == Daily);
    }

    [Fact]
    public async Task OnlyAdministratorsStartRuns()
    {
        var error = await Assert.ThrowsAsync<ProctorWiseException>(() =>
            NewScheduler().RunAsync(new Caller("teacher-1", UserRole.Teacher), new AnalyticsRunCommand(Daily, "2025-03-01", Chain: false)));

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task AnAdministratorsChainReportsTheRunsThatFollow()
    {
        var started = await NewScheduler().RunAsync(Caller.System, new AnalyticsRunCommand(Daily, "2025-03-04", Chain: true));

        Assert.Equal((Daily, "2025-03-04", AnalyticsRunTrigger.Chain), (started.Run.Job, started.Run.Period, started.Run.Trigger));
        Assert.Equal(["weekly_grade_analytics/2025-W10", "monthly_user_performance/2025-03"], started.Then);
        await Eventually.UntilAsync(
            async () => await fixture.Grains.GetGrain<IAnalyticsJobGrain>("monthly_user_performance/2025-03").GetAsync(),
            r => r is { Status: AnalyticsRunStatus.Succeeded }, "the chain reached the monthly run");
    }

    private static string Day(DateOnly day, int plus) => day.AddDays(plus).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset DueAt(DateOnly day) => new(day.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
}
