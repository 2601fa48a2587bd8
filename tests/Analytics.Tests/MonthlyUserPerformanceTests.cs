using static ProctorWise.Analytics.Tests.Expect;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// Golden outputs of the monthly job for 2026-12 (GoldenLake). Graded December submissions: s1 u5 60 % (12-02),
/// u10 30 % (12-10), u9 90 % (12-20); s2 u6 45 %; s3 u3 50 %; s4 u8 100 %. u4 is ungraded, u12 is in January.
/// December anomalies: s1 a1 a2 a7; s2 a3 a4 a9; s3 a5 a6 a16; s4 a8 and five critical a10–a14. Sessions that ended
/// in December carry risk 10/30/50 (s1), 70 (s2), 20 (s3, redelivered), 90 (s4; its November one is left out).
/// </summary>
public sealed class MonthlyUserPerformanceTests(GoldenLake lake) : IClassFixture<GoldenLake>
{
    public static readonly string[] ProfileColumns =
    [
        "user_id", "total_exams", "avg_score", "score_consistency", "min_score", "max_score", "median_score",
        "exams_passed", "exams_failed", "first_exam_score", "last_exam_score", "first_exam_date", "last_exam_date",
        "unique_exams", "unique_exam_count", "pass_rate", "score_improvement", "performance_tier",
        "total_anomalies", "critical_anomalies", "high_anomalies", "medium_anomalies", "low_anomalies",
        "face_absent_count", "multiple_faces_count", "forbidden_object_count", "tab_change_count", "avg_anomaly_confidence",
        "risk_level", "mean_session_risk", "max_session_risk", "report_month", "score_rank", "improvement_rank",
    ];

    // Rows by user, in the order user_profiles is written (score_rank).
    private static readonly object?[] s_s4 =
    [
        "s4", 1, 100.0, null, 100.0, 100.0, 100.0, 1, 0, 100.0, 100.0, Utc(12, 6, 23), Utc(12, 6, 23),
        new[] { "e2" }, 1, 100.0, 0.0, "excellent",
        6, 5, 0, 0, 1, 0, 5, 0, 0, 0.9, "high", 90.0, 90, "2026-12", 1, 4,
    ];

    // First and last by submission time: 60 on 12-02, 90 on 12-20 (not the 30 of 12-10 in between).
    private static readonly object?[] s_s1 =
    [
        "s1", 3, 60.0, 30.0, 30.0, 90.0, 60.0, 2, 1, 60.0, 90.0, Utc(12, 2, 15), Utc(12, 20, 10),
        new[] { "e1", "e2", "e3" }, 3, 200.0 / 3, 30.0, "average",
        3, 1, 2, 0, 0, 2, 1, 0, 0, 0.8, "low", 30.0, 50, "2026-12", 2, 1,
    ];

    private static readonly object?[] s_s3 =
    [
        "s3", 1, 50.0, null, 50.0, 50.0, 50.0, 0, 1, 50.0, 50.0, Utc(12, 2, 9), Utc(12, 2, 9),
        new[] { "e1" }, 1, 0.0, 0.0, "needs_improvement",
        3, 2, 0, 0, 1, 0, 0, 0, 0, null, "medium", 20.0, 20, "2026-12", 3, 3,
    ];

    private static readonly object?[] s_s2 =
    [
        "s2", 1, 45.0, null, 45.0, 45.0, 45.0, 0, 1, 45.0, 45.0, Utc(12, 7, 0, 30), Utc(12, 7, 0, 30),
        new[] { "e2" }, 1, 0.0, 0.0, "needs_improvement",
        3, 0, 2, 1, 0, 0, 0, 1, 2, 0.6, "low", 70.0, 70, "2026-12", 4, 2,
    ];

    [Fact]
    public async Task UserProfilesHasEveryColumnOfTheOriginalAndTheSessionRisk()
    {
        var page = await lake.ReadAsync(JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "user_profiles");
        Expect.Rows(page, ProfileColumns, s_s4, s_s1, s_s3, s_s2);
    }

    [Fact]
    public async Task TopPerformersAreRankedByAverageScore()
    {
        var page = await lake.ReadAsync(JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "top_performers");
        Expect.Rows(page, ProfileColumns, s_s4, s_s1, s_s3, s_s2);
    }

    [Fact]
    public async Task AtRiskUsersHaveHighRiskOrAnAverageBelowThePassMark()
    {
        var page = await lake.ReadAsync(JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "at_risk_users");
        Expect.Rows(page, ProfileColumns, s_s2, s_s3, s_s4);
    }

    [Fact]
    public async Task MostImprovedAreRankedByImprovementThenUser()
    {
        var page = await lake.ReadAsync(JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "most_improved");
        Expect.Rows(page, ProfileColumns, s_s1, s_s2, s_s3, s_s4);
    }

    [Fact]
    public async Task TierSummaryCountsStudentsPerTier()
    {
        var page = await lake.ReadAsync(JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "tier_summary");
        Expect.Rows(page, ["performance_tier", "user_count", "report_month"],
            ["average", 1, "2026-12"],
            ["excellent", 1, "2026-12"],
            ["needs_improvement", 2, "2026-12"]);
    }

    [Fact]
    public async Task RiskSummaryCountsStudentsPerRiskLevel()
    {
        var page = await lake.ReadAsync(JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "risk_summary");
        Expect.Rows(page, ["risk_level", "user_count", "report_month"],
            ["high", 1, "2026-12"],
            ["low", 2, "2026-12"],
            ["medium", 1, "2026-12"]);
    }

    [Fact]
    public async Task PagesAreSortedByAWhitelistedColumn()
    {
        var page = await lake.Engine.ReadAsync(
            new(lake.Root, JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "user_profiles", Offset: 1, Limit: 2, SortBy: "user_id", Descending: true),
            TestContext.Current.CancellationToken);
        Assert.NotNull(page);
        Assert.Equal(4, page.TotalRows);
        Assert.Equal(["s3", "s2"], page.Rows.Select(r => (string)r[0]!));
    }
}
