using static ProctorWise.Analytics.Tests.Expect;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// Golden outputs of the daily job for 2026-12-05 (GoldenLake): anomalies a1–a6 and a9 began that day (a3 is still
/// open, a9 closed with a higher severity, a4 and a5 were redelivered, a6 closed after midnight); a7 and a8 did not.
/// </summary>
public sealed class DailyAnomalyAggregationTests(GoldenLake lake) : IClassFixture<GoldenLake>
{
    private static readonly string[] s_countColumns =
    [
        "total_anomalies", "critical_count", "high_count", "medium_count", "low_count",
        "face_absent_count", "multiple_faces_count", "forbidden_object_count", "tab_change_count", "webcam_disabled_count",
        "looking_away_count", "window_blur_count", "fullscreen_exit_count", "copy_count", "paste_count", "devtools_open_count",
        "avg_confidence", "report_date",
    ];

    [Fact]
    public async Task ByExamCountsEachAnomalyOfTheDayOncePerExam()
    {
        var page = await lake.ReadAsync(JobCatalog.DailyAnomalyAggregation, GoldenLake.Day, "by_exam");
        Expect.Rows(page, ["exam_id", .. s_countColumns],
            //       total crit high med low face mult obj tab cam look blur full copy paste dev  conf  date
            ["e1", 4, 1, 2, 1, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0.8, Date(12, 5)],
            ["e2", 3, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0.6, Date(12, 5)]);
    }

    [Fact]
    public async Task ByUserCountsEachAnomalyOfTheDayOncePerStudent()
    {
        var page = await lake.ReadAsync(JobCatalog.DailyAnomalyAggregation, GoldenLake.Day, "by_user");
        Expect.Rows(page, ["user_id", .. s_countColumns],
            ["s1", 2, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.8, Date(12, 5)],
            ["s2", 3, 0, 2, 1, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0.6, Date(12, 5)],
            ["s3", 2, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, null, Date(12, 5)]);
    }

    [Fact]
    public async Task HourlyHasOneRowPerUtcHourWithAnomalies()
    {
        var page = await lake.ReadAsync(JobCatalog.DailyAnomalyAggregation, GoldenLake.Day, "hourly");
        Expect.Rows(page, ["hour", "anomaly_count", "critical_count", "report_date"],
            ["09", 3, 1, Date(12, 5)],
            ["10", 1, 0, Date(12, 5)],
            ["14", 2, 1, Date(12, 5)],
            ["23", 1, 0, Date(12, 5)]);
    }

    [Fact]
    public void TheRunReportsTheRowCountOfEveryDataset()
    {
        var run = lake.Runs[JobCatalog.DailyAnomalyAggregation];
        Assert.Equal("2026-12-05", run.Period);
        Assert.Equal(["by_exam 2", "by_user 3", "hourly 4"], run.Datasets.Select(d => $"{d.Name} {d.Rows}"));
    }
}
