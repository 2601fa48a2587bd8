using Microsoft.Extensions.Logging.Abstractions;
using ProctorWise.Analytics;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Grains.Analytics;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>The pre-check of one attempt, on the real DuckDB engine over a lake folder of the test's own.</summary>
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

    private Task<AnalyticsAttemptOutcome> RunAsync(string job, string period)
    {
        var definition = JobCatalog.Find(job)!;
        return new AnalyticsRunAttempt(_engine, new LocalLakeStorage(_root), new AnalyticsLake(_root))
            .RunAsync(definition, definition.ParsePeriod(period), TestContext.Current.CancellationToken);
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
