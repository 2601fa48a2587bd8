using ProctorWise.Grains.Analytics;
using ProctorWise.Grains.Options;
using ProctorWise.Lake;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>Retention deletes lake folders past their limit and nothing else.</summary>
public sealed class LakeRetentionTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pw-retention-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void Folder(string path) => File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, path)).FullName, "part-00000.parquet"), "x");

    private bool Exists(string path) => Directory.Exists(Path.Combine(_root, path));

    [Fact]
    public async Task OnlyWhatIsOlderThanItsLimitIsDeleted()
    {
        // Daily outputs 90 days after their day, weekly 180 after their week, monthly kept, raw 30 days after its day.
        Folder("processed/daily_anomaly_aggregation/2026-09-05/by_exam"); // ended Sep 6: 90 days ago exactly → deleted
        Folder("processed/daily_anomaly_aggregation/2026-09-06/by_exam"); // ended Sep 7: 89 days ago → kept
        Folder("processed/daily_anomaly_aggregation/.staging-2020-01-01-abc/by_exam"); // the engine's own → kept
        Folder("processed/weekly_grade_analytics/2026-W22/exam_statistics"); // ended Jun 1: 187 days ago → deleted
        Folder("processed/weekly_grade_analytics/2026-W23/exam_statistics"); // ended Jun 8: 180 days ago exactly → deleted
        Folder("processed/weekly_grade_analytics/2026-W24/exam_statistics"); // ended Jun 15: 173 days ago → kept
        Folder("processed/monthly_user_performance/2020-01/user_profiles"); // monthly outputs are kept for ever
        Folder("raw/sessions/date=2026-11-04/type=anomaly_closed"); // ended Nov 5: 30 days ago exactly → deleted
        Folder("raw/sessions/date=2026-11-05/type=anomaly_closed"); // kept
        Folder("raw/users/date=2026-01-01/type=user_registered"); // deleted
        Folder("raw/users/not-a-partition"); // not a date partition → kept
        var options = new AnalyticsJobsOptions { RawRetention = TimeSpan.FromDays(30) };

        var deleted = await new LakeRetention(new LocalLakeStorage(_root), options).SweepAsync(s_now, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                "processed/daily_anomaly_aggregation/2026-09-05", "processed/weekly_grade_analytics/2026-W22", "processed/weekly_grade_analytics/2026-W23",
                "raw/sessions/date=2026-11-04", "raw/users/date=2026-01-01",
            ],
            deleted.Order(StringComparer.Ordinal));
        Assert.All(deleted, path => Assert.False(Exists(path), path));
        Assert.All(
            [
                "processed/daily_anomaly_aggregation/2026-09-06", "processed/daily_anomaly_aggregation/.staging-2020-01-01-abc",
                "processed/weekly_grade_analytics/2026-W24", "processed/monthly_user_performance/2020-01", "raw/sessions/date=2026-11-05",
                "raw/users/not-a-partition",
            ],
            path => Assert.True(Exists(path), path));
    }

    [Fact]
    public async Task TheDefaultsKeepRawDataAndMonthlyOutputsForEver()
    {
        Folder("raw/sessions/date=2000-01-01/type=anomaly_closed");
        Folder("processed/monthly_user_performance/2000-01/user_profiles");
        Folder("processed/daily_anomaly_aggregation/2000-01-01/by_exam");

        var deleted = await new LakeRetention(new LocalLakeStorage(_root), new AnalyticsJobsOptions()).SweepAsync(s_now, TestContext.Current.CancellationToken);

        Assert.Equal(["processed/daily_anomaly_aggregation/2000-01-01"], deleted);
        Assert.True(Exists("raw/sessions/date=2000-01-01"));
        Assert.True(Exists("processed/monthly_user_performance/2000-01"));
    }

    [Fact]
    public async Task AnEmptyLakeHasNothingToDelete() =>
        Assert.Empty(await new LakeRetention(new LocalLakeStorage(_root), new AnalyticsJobsOptions()).SweepAsync(s_now, TestContext.Current.CancellationToken));
}
