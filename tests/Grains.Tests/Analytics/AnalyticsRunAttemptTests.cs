using Microsoft.Extensions.Logging.Abstractions;
using ProctorWise.Analytics;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Grains.Analytics;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>The pre-check and post-checks of one attempt, on the real DuckDB engine over a lake folder of the test's own.</summary>
public sealed class AnalyticsRunAttemptTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pw-attempt-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDbAnalyticsEngine _engine = new(Microsoft.Extensions.Options.Options.Create(new DuckDbAnalyticsOptions()), NullLogger<DuckDbAnalyticsEngine>.Instance);

    public void Dispose()
    {
        _engine.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<AnalyticsAttemptOutcome> RunAsync(string job, string period, IAnalyticsReports? reports = null, TimeProvider? clock = null)
    {
        var definition = JobCatalog.Find(job)!;
        return new AnalyticsRunAttempt(_engine, reports ?? _engine, new LocalLakeStorage(_root), new AnalyticsLake(_root), clock ?? TimeProvider.System)
            .RunAsync(definition, definition.ParsePeriod(period), TestContext.Current.CancellationToken);
    }

    private static readonly DateTimeOffset s_day = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private Task<LakeFlushResult> WriteAsync(params DomainEvent[] events) =>
        new ParquetEventWriter(new LocalLakeStorage(_root)).WriteAsync(events, TestContext.Current.CancellationToken);

    // Two exams with anomalies that began on 2026-12-04 (one of them twice), and a third exam's the day after.
    private Task<LakeFlushResult> WriteTwoExamsOnTheDayAsync() => WriteAsync(
        AnalyticsClusterFixture.Anomaly("exam-a", "u1", s_day), AnalyticsClusterFixture.Anomaly("exam-a", "u2", s_day.AddHours(3)),
        AnalyticsClusterFixture.Anomaly("exam-b", "u1", s_day.AddHours(5)), AnalyticsClusterFixture.Anomaly("exam-c", "u3", s_day.AddDays(1)));

    [Fact]
    public async Task ByExamHasOneRowPerExamWithAnAnomalyThatDayInTheRawInput()
    {
        await WriteTwoExamsOnTheDayAsync();

        var outcome = await RunAsync(JobCatalog.DailyAnomalyAggregation, "2026-12-04");

        Assert.Equal(2, outcome.Result.Datasets.Single(d => d.Name == "by_exam").Rows);
    }

    [Fact]
    public async Task AByExamMissingAnExamOfTheRawInputFailsThePostCheck()
    {
        await WriteTwoExamsOnTheDayAsync();
        // An anomaly of a third exam on that day lands after the job read the lake: by_exam lacks an exam the raw input has.
        var reports = new LandingFirst(_engine, () => WriteAsync(AnalyticsClusterFixture.Anomaly("exam-late", "u4", s_day.AddHours(8))));

        var error = await Assert.ThrowsAsync<AnalyticsRunException>(() => RunAsync(JobCatalog.DailyAnomalyAggregation, "2026-12-04", reports));

        Assert.Equal("Post-check: by_exam has 2 rows, but the raw input has anomalies of 3 exams that began on 2026-12-04.", error.Message);
    }

    [Fact]
    public async Task ADayStillUnderWayIsNotComparedWithARawZoneStillBeingWritten()
    {
        await WriteTwoExamsOnTheDayAsync();
        var reports = new LandingFirst(_engine, () => WriteAsync(AnalyticsClusterFixture.Anomaly("exam-late", "u4", s_day.AddHours(8))));

        var outcome = await RunAsync(JobCatalog.DailyAnomalyAggregation, "2026-12-04", reports, new At(s_day.AddHours(10)));

        Assert.Equal(2, outcome.Result.Datasets.Single(d => d.Name == "by_exam").Rows);
        Assert.Equal(0, reports.Queries);
    }

    /// <summary>Runs <paramref name="land"/> before each report query, as a lake writer landing events meanwhile.</summary>
    private sealed class LandingFirst(IAnalyticsReports reports, Func<Task> land) : IAnalyticsReports
    {
        public int Queries { get; private set; }

        public async Task<IReadOnlyDictionary<string, AnalyticsPage>> QueryAsync(AnalyticsReportRequest request, CancellationToken cancellationToken = default)
        {
            Queries++;
            await land();
            return await reports.QueryAsync(request, cancellationToken);
        }
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task ALakeWithoutARawZoneFailsThePreCheckSayingWhatIsMissing()
    {
        Directory.CreateDirectory(_root);

        var error = await Assert.ThrowsAsync<AnalyticsRunException>(() => RunAsync(JobCatalog.DailyAnomalyAggregation, "2026-12-04"));

        Assert.StartsWith("Pre-check: the lake at " + _root + " has no raw zone (raw/)", error.Message, StringComparison.Ordinal);
        Assert.Contains("daily_anomaly_aggregation 2026-12-04", error.Message, StringComparison.Ordinal);
        Assert.Contains("raw/sessions/…/type=anomaly_closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Lake:Path", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "processed")), "nothing was written");
    }

    [Fact]
    public async Task APeriodWithoutInputSucceedsWithZeroRowsAndSaysSo()
    {
        Directory.CreateDirectory(Path.Combine(_root, "raw", "users"));

        var outcome = await RunAsync(JobCatalog.WeeklyGradeAnalytics, "2026-W49");

        Assert.True(outcome.NoInput);
        Assert.Equal(0, outcome.InputFiles);
        Assert.Equal(["exam_statistics", "daily_trends", "grading_efficiency", "question_difficulty"], outcome.Result.Datasets.Select(d => d.Name));
        Assert.All(outcome.Result.Datasets, d => Assert.Equal(0, d.Rows));
        Assert.True(File.Exists(Path.Combine(_root, "processed", "weekly_grade_analytics", "2026-W49", "exam_statistics", "part-00000.parquet")));
    }
}
