using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Ports;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>One run per job and period: its states, retries, failures, re-runs and the one-at-a-time rule, on a two-silo cluster.</summary>
[Collection(AnalyticsClusterCollection.Name)]
public sealed class AnalyticsJobGrainTests(AnalyticsClusterFixture fixture)
{
    private const string Daily = "daily_anomaly_aggregation";

    private static DateTimeOffset Noon(string day) => DateTimeOffset.Parse(day + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private IAnalyticsJobGrain Job(string key) => fixture.Grains.GetGrain<IAnalyticsJobGrain>(key);

    private Task<AnalyticsRunView> FinishedAsync(string key) => Eventually.UntilAsync(
        async () => (await Job(key).GetAsync())!, run => run.IsFinished, $"{key} finished", describe: run => $"{run}");

    private async Task<DatasetPageView> ByExamAsync(string day) =>
        await fixture.Grains.GetGrain<IAnalyticsReaderGrain>(0).ReadDatasetAsync(Caller.System, new DatasetQuery(Daily, day, "by_exam", 0, 100, "exam_id", false));

    [Fact]
    public async Task ARunGoesFromPendingToSucceededWithItsRowCounts()
    {
        const string Day = "2025-01-06";
        await fixture.WriteAsync(
            AnalyticsClusterFixture.Anomaly("exam-a", "s1", Noon(Day)), AnalyticsClusterFixture.Anomaly("exam-a", "s2", Noon(Day).AddHours(1)),
            AnalyticsClusterFixture.Anomaly("exam-b", "s1", Noon(Day)));
        var key = AnalyticsRunView.KeyOf(Daily, Day);

        var started = await Job(key).StartAsync(AnalyticsRunTrigger.Manual, []);
        var run = await FinishedAsync(key);

        Assert.Equal((AnalyticsRunStatus.Pending, 0), (started.Status, started.Attempts));
        Assert.Equal((AnalyticsRunStatus.Succeeded, AnalyticsRunTrigger.Manual, 1, null), (run.Status, run.Trigger, run.Attempts, run.Error));
        Assert.False(run.NoInput);
        Assert.True(run.InputFiles >= 1);
        Assert.NotNull(run.DurationSeconds);
        // by_exam: one row per exam with anomalies that day; hourly: the two hours.
        Assert.Equal([new("by_exam", 2), new("by_user", 2), new AnalyticsDatasetRows("hourly", 2)], run.Datasets);
        var listed = await fixture.Grains.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default).ListAsync(Caller.System, new(1, 200));
        Assert.Contains(listed.Items, r => r.Job == Daily && r.Period == Day && r.Status == AnalyticsRunStatus.Succeeded);
    }

    [Fact]
    public async Task AnEmptyPeriodSucceedsWithZeroRowsAndSaysItHadNoInput()
    {
        var key = AnalyticsRunView.KeyOf(Daily, "2025-01-20");

        await Job(key).StartAsync(AnalyticsRunTrigger.Schedule, []);
        var run = await FinishedAsync(key);

        Assert.Equal((AnalyticsRunStatus.Succeeded, true, 0), (run.Status, run.NoInput, run.InputFiles));
        Assert.Equal(["by_exam", "by_user", "hourly"], run.Datasets.Select(d => d.Name));
        Assert.All(run.Datasets, d => Assert.Equal(0, d.Rows));
        Assert.Equal(0, (await ByExamAsync("2025-01-20")).Total);
    }

    [Fact]
    public async Task ARerunReplacesThePeriodsOutputWithTheSame()
    {
        const string Day = "2025-01-08";
        await fixture.WriteAsync(AnalyticsClusterFixture.Anomaly("exam-c", "s1", Noon(Day)), AnalyticsClusterFixture.Anomaly("exam-d", "s1", Noon(Day)));
        var key = AnalyticsRunView.KeyOf(Daily, Day);
        await Job(key).StartAsync(AnalyticsRunTrigger.Manual, []);
        var first = await FinishedAsync(key);
        var before = await ByExamAsync(Day);

        await Job(key).StartAsync(AnalyticsRunTrigger.Manual, []);
        var second = await Eventually.UntilAsync(async () => (await Job(key).GetAsync())!, r => r.IsFinished && r.RequestedAt > first.RequestedAt, "the re-run finished");
        var after = await ByExamAsync(Day);

        Assert.Equal(2, ScriptedAnalyticsEngine.Runs(key));
        Assert.Equal((AnalyticsRunStatus.Succeeded, 1), (second.Status, second.Attempts));
        Assert.Equal(first.Datasets, second.Datasets);
        Assert.Equal(before.Columns, after.Columns);
        Assert.Equal(2, after.Total);
        Assert.Equal(before.Rows.Select(r => string.Join("|", r)), after.Rows.Select(r => string.Join("|", r)));
    }

    [Fact]
    public async Task AFailedAttemptIsRetriedAndThenSucceeds()
    {
        var key = AnalyticsRunView.KeyOf(Daily, "2025-01-09");
        ScriptedAnalyticsEngine.Fail(key, times: 1);

        await Job(key).StartAsync(AnalyticsRunTrigger.Schedule, []);
        var run = await FinishedAsync(key);

        Assert.Equal((AnalyticsRunStatus.Succeeded, 2, null), (run.Status, run.Attempts, run.Error));
        Assert.Equal(2, ScriptedAnalyticsEngine.Runs(key));
    }

    [Fact]
    public async Task ARunThatFailsEveryAttemptKeepsItsErrorAndPublishesTheFailure()
    {
        var key = AnalyticsRunView.KeyOf(Daily, "2025-01-10");
        ScriptedAnalyticsEngine.Fail(key, times: 3);

        await Job(key).StartAsync(AnalyticsRunTrigger.Schedule, []);
        var run = await FinishedAsync(key);

        Assert.Equal((AnalyticsRunStatus.Failed, 3), (run.Status, run.Attempts));
        Assert.Equal($"IOException: Test: the engine fails {key}.", run.Error);
        Assert.NotNull(run.FinishedAt);
        var received = await Eventually.UntilAsync(
            () => fixture.Grains.GetGrain<IEventProbeGrain>(key).ReceivedAsync(), r => r.Count > 0, "the failure was published");
        var failed = Assert.IsType<AnalyticsJobFailed>(received[0].Event);
        Assert.Equal(StreamNamespaces.Analytics, received[0].Namespace);
        Assert.Equal((Daily, "2025-01-10", AnalyticsRunTrigger.Schedule, 3, run.Error), (failed.Job, failed.Period, failed.Trigger, failed.Attempts, failed.Error));
    }

    [Fact]
    public async Task APermanentEngineFailureIsRecordedWithItsClassAndNotRetried()
    {
        var key = AnalyticsRunView.KeyOf(Daily, "2025-01-13");
        ScriptedAnalyticsEngine.FailWith(key, new AnalyticsEngineException(
            "[TABLE_OR_VIEW_NOT_FOUND] The table or view `anomalies` cannot be found.", "TABLE_OR_VIEW_NOT_FOUND", "42P01", permanent: true, null));

        await Job(key).StartAsync(AnalyticsRunTrigger.Manual, []);
        var run = await FinishedAsync(key);

        Assert.Equal((AnalyticsRunStatus.Failed, 1, 1), (run.Status, run.Attempts, ScriptedAnalyticsEngine.Runs(key)));
        Assert.Equal(("TABLE_OR_VIEW_NOT_FOUND", "42P01"), (run.ErrorClass, run.SqlState));
        Assert.Equal("[TABLE_OR_VIEW_NOT_FOUND] The table or view `anomalies` cannot be found.", run.Error);
    }

    [Fact]
    public async Task ATransientEngineFailureIsRecordedWithItsClassAndRetried()
    {
        var key = AnalyticsRunView.KeyOf(Daily, "2025-01-14");
        ScriptedAnalyticsEngine.FailWith(key, new AnalyticsEngineException("[INTERNAL_ERROR] Executor lost.", "INTERNAL_ERROR", "XX000", permanent: false, null));

        await Job(key).StartAsync(AnalyticsRunTrigger.Manual, []);
        var run = await FinishedAsync(key);

        Assert.Equal((AnalyticsRunStatus.Failed, 3, 3), (run.Status, run.Attempts, ScriptedAnalyticsEngine.Runs(key)));
        Assert.Equal(("INTERNAL_ERROR", "XX000"), (run.ErrorClass, run.SqlState));
    }

    [Fact]
    public async Task APeriodNeverRunsTwiceAtOnce()
    {
        var key = AnalyticsRunView.KeyOf(Daily, "2025-01-11");
        var hold = ScriptedAnalyticsEngine.Hold(key);

        await Job(key).StartAsync(AnalyticsRunTrigger.Manual, []);
        await Eventually.UntilAsync(async () => (await Job(key).GetAsync())!, r => r.Status == AnalyticsRunStatus.Running, "the run is running");
        // Starts from the schedule and from administrators, all at once, while it runs: each is refused.
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            await Record.ExceptionAsync(() => Job(key).StartAsync(AnalyticsRunTrigger.Manual, []))));
        hold.SetResult();
        var run = await FinishedAsync(key);

        Assert.All(again, e => Assert.Equal(ErrorKind.Conflict, Assert.IsType<ProctorWiseException>(e).Kind));
        Assert.Equal((AnalyticsRunStatus.Succeeded, 1), (run.Status, run.Attempts));
        Assert.Equal(1, ScriptedAnalyticsEngine.Runs(key));
        Assert.Equal(1, ScriptedAnalyticsEngine.MostAtOnce(key));
    }

    [Fact]
    public async Task AChainStartsEachRunAfterThePreviousSucceeded()
    {
        var keys = new[] { AnalyticsRunView.KeyOf(Daily, "2025-02-03"), "weekly_grade_analytics/2025-W06", "monthly_user_performance/2025-02" };

        await Job(keys[0]).StartAsync(AnalyticsRunTrigger.Chain, keys[1..]);

        var last = await Eventually.UntilAsync(async () => await Job(keys[2]).GetAsync(), r => r is { IsFinished: true }, "the chain's last run finished");
        var runs = await Task.WhenAll(keys.Select(k => Job(k).GetAsync()));
        Assert.All(runs, r => Assert.Equal((AnalyticsRunStatus.Succeeded, AnalyticsRunTrigger.Chain), (r!.Status, r.Trigger)));
        // Each was asked for only after the one before had finished.
        Assert.True(runs[1]!.RequestedAt >= runs[0]!.FinishedAt && last!.RequestedAt >= runs[1]!.FinishedAt);
    }
}
