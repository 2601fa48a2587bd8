using static ProctorWise.Analytics.Tests.Expect;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// Golden outputs of the weekly job for 2026-W49 (Monday 2026-11-30 to Sunday 2026-12-06, GoldenLake). Graded
/// submissions of the week: u1 80 % and u2 90 % (Monday), u3 50 % (redelivered) and u5 60 % (Wednesday), u8 100 %
/// (Sunday, graded the next Monday). u4 is not graded; u6 and u7 fall outside the week.
/// </summary>
public sealed class WeeklyGradeAnalyticsTests(GoldenLake lake) : IClassFixture<GoldenLake>
{
    [Fact]
    public async Task ExamStatisticsHasExactQuartilesAndPassesAtSixtyPercent()
    {
        var page = await lake.ReadAsync(JobCatalog.WeeklyGradeAnalytics, GoldenLake.Week, "exam_statistics");
        Expect.Rows(page,
            ["exam_id", "total_submissions", "avg_score", "stddev_score", "min_score", "max_score", "median_score",
             "q1_score", "q3_score", "passed_count", "failed_count", "pass_rate", "week_start"],
            // e1: 50, 80, 90 — mean 73.33, sample sd √(866.67 / 2), quartiles by linear interpolation 65 and 85.
            ["e1", 3, 220.0 / 3, Math.Sqrt(2600.0 / 3 / 2), 50.0, 90.0, 80.0, 65.0, 85.0, 2, 1, 200.0 / 3, Date(11, 30)],
            // e2: 60 (passes: the mark is inclusive) and 100.
            ["e2", 2, 80.0, Math.Sqrt(800.0), 60.0, 100.0, 80.0, 70.0, 90.0, 2, 0, 100.0, Date(11, 30)]);
    }

    [Fact]
    public async Task DailyTrendsHasOneRowPerUtcDayWithSubmissions()
    {
        var page = await lake.ReadAsync(JobCatalog.WeeklyGradeAnalytics, GoldenLake.Week, "daily_trends");
        Expect.Rows(page, ["submission_date", "submissions_count", "avg_score", "passed_count", "week_start"],
            [Date(11, 30), 2, 85.0, 2, Date(11, 30)],
            [Date(12, 2), 2, 55.0, 1, Date(11, 30)],
            [Date(12, 6), 1, 100.0, 1, Date(11, 30)]);
    }

    [Fact]
    public async Task GradingEfficiencyMeasuresSubmissionToFullyGraded()
    {
        var page = await lake.ReadAsync(JobCatalog.WeeklyGradeAnalytics, GoldenLake.Week, "grading_efficiency");
        Expect.Rows(page,
            ["graded_by", "graded_count", "avg_grading_time_hours", "min_grading_time_hours", "max_grading_time_hours", "week_start"],
            // u1 36 s, u3 72 s.
            ["auto", 2, 0.015, 0.01, 0.02, Date(11, 30)],
            // u2 a day.
            ["t1", 1, 24.0, 24.0, 24.0, Date(11, 30)],
            // u5 first fully graded after 2 h (its regrade does not move it), u8 after 10 h.
            ["t2", 2, 6.0, 2.0, 10.0, Date(11, 30)]);
    }

    [Fact]
    public async Task QuestionDifficultyUsesTheFinalGradeOfEveryQuestion()
    {
        var page = await lake.ReadAsync(JobCatalog.WeeklyGradeAnalytics, GoldenLake.Week, "question_difficulty");
        Expect.Rows(page,
            ["exam_id", "question_id", "question_type", "total_attempts", "answered_count", "correct_count", "incorrect_count",
             "avg_score", "avg_max_score", "correct_rate", "difficulty", "week_start"],
            // q1: u1 5 ✓, u2 5 ✓, u3 unanswered 0 ✗.
            ["e1", "q1", "single_choice", 3, 2, 2, 1, 10.0 / 3, 5.0, 200.0 / 3, "medium", Date(11, 30)],
            // q2: u1 3 ✗, u2 4 by t1 ✗ (not full marks), u3 5 ✓.
            ["e1", "q2", "short_answer", 3, 3, 1, 2, 4.0, 5.0, 100.0 / 3, "hard", Date(11, 30)],
            ["e2", "q3", "true_false", 2, 2, 2, 0, 2.0, 2.0, 100.0, "easy", Date(11, 30)],
            // q4: u5 4 after the regrade ✗, u8 8 ✓.
            ["e2", "q4", "essay", 2, 2, 1, 1, 6.0, 8.0, 50.0, "medium", Date(11, 30)]);
    }
}
