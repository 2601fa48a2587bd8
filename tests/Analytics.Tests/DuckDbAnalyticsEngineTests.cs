using ProctorWise.Grains.Ports;
using static ProctorWise.Analytics.Tests.Events;

namespace ProctorWise.Analytics.Tests;

/// <summary>How the DuckDB engine runs, re-runs, fails and refuses, on small lakes written per test.</summary>
public sealed class DuckDbAnalyticsEngineTests : IDisposable
{
    private static readonly AnalyticsPeriod s_day = AnalyticsPeriod.Parse(PeriodKind.Daily, "2026-12-05");
    private readonly TestLake _lake = new();
    private readonly DuckDb.DuckDbAnalyticsEngine _engine = GoldenLake.NewEngine();

    public void Dispose()
    {
        _engine.Dispose();
        _lake.Dispose();
    }

    [Fact]
    public async Task APeriodWithoutInputSucceedsWithZeroRowsInEveryDataset()
    {
        foreach (var job in JobCatalog.All)
        {
            var period = AnalyticsPeriod.Containing(job.PeriodKind, Utc(2026, 12, 5));
            var run = await _engine.RunAsync(new AnalyticsRunRequest(_lake.Root, job.Name, period), TestContext.Current.CancellationToken);

            Assert.Equal(job.Datasets.Select(d => d.Name), run.Datasets.Select(d => d.Name));
            Assert.All(run.Datasets, d => Assert.Equal(0, d.Rows));
            foreach (var dataset in job.Datasets)
            {
                var page = await _engine.ReadAsync(new AnalyticsPageRequest(_lake.Root, job.Name, period, dataset.Name), TestContext.Current.CancellationToken);
                Assert.NotNull(page);
                Assert.NotEmpty(page.Columns);
                Assert.Equal(0, page.TotalRows);
            }
        }
    }

    [Fact]
    public async Task ARerunReplacesTheOutputAndLeavesNothingOfThePreviousRun()
    {
        _lake.Write(AnomalyClosed("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9), At(12, 5, 9, 1)));
        var request = new AnalyticsRunRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day);
        var first = await _engine.RunAsync(request, TestContext.Current.CancellationToken);
        var firstRows = await ReadAllAsync("by_exam");

        var again = await _engine.RunAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(first.Datasets, again.Datasets);
        Assert.Equal(firstRows, await ReadAllAsync("by_exam"));

        // New facts arrive for the day: the re-run's output is the new one, whole.
        _lake.Write(AnomalyClosed("a2", "e2", "s2", "paste", "medium", null, At(12, 5, 11), At(12, 5, 11, 1)));
        var third = await _engine.RunAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(["by_exam 2", "by_user 2", "hourly 2"], third.Datasets.Select(d => $"{d.Name} {d.Rows}"));

        var jobFolder = Path.Combine(_lake.Root, "processed", JobCatalog.DailyAnomalyAggregation);
        Assert.Equal(["2026-12-05"], Directory.GetDirectories(jobFolder).Select(Path.GetFileName));
        Assert.All(Directory.GetDirectories(Path.Combine(jobFolder, "2026-12-05")),
            d => Assert.Equal(["part-00000.parquet"], Directory.GetFiles(d).Select(Path.GetFileName)));
    }

    [Fact]
    public async Task ARunThatFailsMidwayLeavesThePreviousOutputInPlace()
    {
        _lake.Write(AnomalyClosed("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9), At(12, 5, 9, 1)));
        var request = new AnalyticsRunRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day);
        await _engine.RunAsync(request, TestContext.Current.CancellationToken);
        var before = await ReadAllAsync("by_exam");

        _lake.Write(AnomalyClosed("a2", "e2", "s2", "paste", "medium", null, At(12, 5, 11), At(12, 5, 11, 1)));
        _engine.AfterDatasetStaged = name => throw new IOException($"disk full after {name}");
        var error = await Assert.ThrowsAsync<IOException>(() => _engine.RunAsync(request, TestContext.Current.CancellationToken));
        Assert.Equal("disk full after by_exam", error.Message);

        Assert.Equal(before, await ReadAllAsync("by_exam"));
        var jobFolder = Path.Combine(_lake.Root, "processed", JobCatalog.DailyAnomalyAggregation);
        Assert.Equal(["2026-12-05"], Directory.GetDirectories(jobFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ACancelledRunStopsAndWritesNothing()
    {
        _lake.Write(AnomalyClosed("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9), At(12, 5, 9, 1)));
        using var cancel = new CancellationTokenSource();
        _engine.AfterDatasetStaged = _ => cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _engine.RunAsync(new AnalyticsRunRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day), cancel.Token));

        Assert.Empty(Directory.GetDirectories(Path.Combine(_lake.Root, "processed", JobCatalog.DailyAnomalyAggregation)));
    }

    [Fact]
    public async Task DuplicateEventsAreCountedOnce()
    {
        var closed = AnomalyClosed("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9), At(12, 5, 9, 1));
        _lake.Write(closed);
        _lake.Write(closed);
        _lake.Write(closed, AnomalyOpened("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9)));

        var run = await _engine.RunAsync(new AnalyticsRunRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day), TestContext.Current.CancellationToken);

        Assert.Equal(1, run.Datasets.Single(d => d.Name == "by_exam").Rows);
        var page = await _engine.ReadAsync(new AnalyticsPageRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day, "hourly"), TestContext.Current.CancellationToken);
        Assert.Equal(1L, page!.Rows.Single()[1]);
    }

    [Fact]
    public async Task TheInputCheckListsEveryDayOfThePeriodAndTheFilesFound()
    {
        _lake.Write(AnomalyClosed("a1", "e1", "s1", "no_face", "high", null, At(12, 5, 9), At(12, 5, 9, 1)));
        _lake.Write(AnomalyClosed("a2", "e1", "s1", "no_face", "high", null, At(12, 5, 10), At(12, 5, 10, 1)));

        var report = await _engine.CheckInputsAsync(new AnalyticsRunRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day), TestContext.Current.CancellationToken);

        Assert.True(report.HasAnyInput);
        Assert.Equal(
            ["sessions/anomaly_opened 2026-12-05 0", "sessions/anomaly_closed 2026-12-05 2"],
            report.Partitions.Select(p => $"{p.Namespace}/{p.EventType} {p.Date:yyyy-MM-dd} {p.Files}"));
    }

    [Fact]
    public async Task ALakeThatIsNotALocalFolderIsRefusedWithTheReason()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => _engine.RunAsync(
            new AnalyticsRunRequest("http://namenode:9870/webhdfs/v1/lake", JobCatalog.DailyAnomalyAggregation, s_day), TestContext.Current.CancellationToken));
        Assert.Contains("local-folder lake only", error.Message, StringComparison.Ordinal);
        Assert.Contains("WebHDFS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileUriLakeIsALocalFolder()
    {
        var run = await _engine.RunAsync(new AnalyticsRunRequest(new Uri(_lake.Root).AbsoluteUri, JobCatalog.DailyAnomalyAggregation, s_day), TestContext.Current.CancellationToken);
        Assert.Equal("2026-12-05", run.Period);
        Assert.True(Directory.Exists(Path.Combine(_lake.Root, "processed", JobCatalog.DailyAnomalyAggregation, "2026-12-05", "by_exam")));
    }

    [Theory]
    [InlineData("nightly", "2026-12-05", "by_exam", null, "job")]
    [InlineData(JobCatalog.WeeklyGradeAnalytics, "2026-12-05", "exam_statistics", null, "period")]
    [InlineData(JobCatalog.DailyAnomalyAggregation, "2026-12-05", "by_week", null, "dataset")]
    [InlineData(JobCatalog.DailyAnomalyAggregation, "2026-12-05", "by_exam", "exam_id; DROP", "sortBy")]
    public async Task BadNamesAreRefusedNamingTheField(string job, string day, string dataset, string? sortBy, string field)
    {
        await _engine.RunAsync(new AnalyticsRunRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day), TestContext.Current.CancellationToken);
        var period = AnalyticsPeriod.Parse(PeriodKind.Daily, day);

        var error = await Assert.ThrowsAsync<InvalidAnalyticsRequestException>(() =>
            _engine.ReadAsync(new AnalyticsPageRequest(_lake.Root, job, period, dataset, SortBy: sortBy), TestContext.Current.CancellationToken));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(-1, 10, "offset")]
    [InlineData(0, 0, "limit")]
    [InlineData(0, AnalyticsPageRequest.MaxLimit + 1, "limit")]
    public async Task ImpossiblePagesAreRefusedNamingTheField(long offset, int limit, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidAnalyticsRequestException>(() => _engine.ReadAsync(
            new AnalyticsPageRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day, "by_exam", offset, limit), TestContext.Current.CancellationToken));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task APeriodNeverRunReadsAsNull()
    {
        var page = await _engine.ReadAsync(new AnalyticsPageRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day, "by_exam"), TestContext.Current.CancellationToken);
        Assert.Null(page);
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    private async Task<List<string>> ReadAllAsync(string dataset)
    {
        var page = await _engine.ReadAsync(new AnalyticsPageRequest(_lake.Root, JobCatalog.DailyAnomalyAggregation, s_day, dataset), TestContext.Current.CancellationToken);
        return [.. page!.Rows.Select(r => string.Join("|", r))];
    }
}
