using ProctorWise.Analytics.Portability;
using ProctorWise.Grains.Ports;
using static ProctorWise.Analytics.Tests.Events;
using static ProctorWise.Analytics.Tests.Expect;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// The analytics API's reports on a small hand-checkable lake: one exam's and one student's figures, filtered by bound
/// parameters, graded (or published) work only, duplicates counted once. Expected values are worked out by hand below.
/// </summary>
public sealed class ReportCatalogTests : IDisposable
{
    private readonly TestLake _lake = new();
    private readonly DuckDb.DuckDbAnalyticsEngine _engine = GoldenLake.NewEngine();

    public void Dispose()
    {
        _engine.Dispose();
        _lake.Dispose();
    }

    public static TheoryData<string> Reports() => [.. ReportCatalog.All.Keys];

    [Theory]
    [MemberData(nameof(Reports))]
    public void EveryReportPortsAndUsesOnlyItsOwnParameters(string name)
    {
        var report = ReportCatalog.All[name];

        Assert.Empty(PortableSqlLint.Check(report.Template, report.Placeholders));
        Assert.NotEmpty(PortableSqlLint.Check(report.Template, []));
    }

    [Fact]
    public void EveryFileUnderReportsIsInTheCatalog()
    {
        var folder = Path.Combine(PortableSqlLintTests.RepositoryRoot(), "src", "Analytics", "Reports");
        var files = Directory.GetFiles(folder, "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, ReportCatalog.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExamReportsGiveTheHandCheckedFigures()
    {
        WriteExamLake();

        var pages = await QueryAsync(new() { [ReportCatalog.ExamId] = "e1", [ReportCatalog.PassMark] = "50", [ReportCatalog.BinSeconds] = "360" },
            "exam_summary", "exam_questions", "exam_completion", "exam_completion_times", "exam_anomalies", "exam_anomaly_students");

        // Graded: 20, 45, 70, 90 (s5 waits for a teacher; e2's submission is another exam; s1 is stored twice).
        // Mean 225 / 4; median (45 + 70) / 2; Q1 at position 0.75: 20 + 0.75 * 25; Q3 at 2.25: 70 + 0.25 * 20;
        // passing at 50 %: 70 and 90; buckets: 20 | - | 45 | 70 | 90.
        Rows(pages["exam_summary"],
            ["submissions", "mean_score", "median_score", "q1_score", "q3_score", "min_score", "max_score", "pass_rate",
             "bucket_0_20", "bucket_21_40", "bucket_41_60", "bucket_61_80", "bucket_81_100"],
            [4, 56.25, 57.5, 38.75, 75.0, 20.0, 90.0, 50.0, 1, 0, 1, 1, 1]);
        // q1 right in s2, s3, s4 (75 %: medium), scores 0 + 5 + 5 + 5; q2 right in s4 only (25 %: hard), s1 left it blank.
        Rows(pages["exam_questions"],
            ["question_id", "question_type", "attempts", "answered_count", "correct_count", "correct_rate", "mean_score", "max_score", "difficulty"],
            ["q1", "single_choice", 4, 4, 3, 75.0, 3.75, 5.0, "medium"],
            ["q2", "short_answer", 4, 3, 1, 25.0, 1.75, 5.0, "hard"]);
        // Two attempts of e1: 30 min and 10 min.
        Rows(pages["exam_completion"], ["attempts", "mean_seconds"], [2, 1200.0]);
        // In 6-minute bins: 600 s is in bin 1 ([360, 720)), 1800 s in bin 5 ([1800, 2160)); e2's minute is another exam.
        Rows(pages["exam_completion_times"], ["bin", "attempts"], [1, 1], [5, 1]);
        // a1 closed (its opening is the same anomaly), a2 only opened, a3 closed; a4 is e2's.
        Rows(pages["exam_anomalies"], ["type", "anomalies"], ["no_face", 1], ["tab_hidden", 2]);
        // Per student: u1 has a1 (critical, rank 4) and a2 (medium, 2); u2 has a3 (medium).
        Rows(pages["exam_anomaly_students"], ["student_id", "type", "anomalies", "severity_rank"],
            ["u1", "no_face", 1, 4], ["u1", "tab_hidden", 1, 2], ["u2", "tab_hidden", 1, 2]);
    }

    [Fact]
    public async Task TurnaroundIsTheTimeToFullyGradedOfWhatATeacherGraded()
    {
        var submitted = Utc(12, 2, 9);
        // s7, s8, s9 wait for a teacher, who finishes them 2, 4 and 10 hours after submission (s9 in two grades: the
        // first leaves a question pending, so it is the second that counts); s10 is graded automatically.
        _lake.Write(
            AutoGraded("s7", "e3", "u1", submitted, submitted, 2, 10, 1),
            AutoGraded("s8", "e3", "u2", submitted, submitted, 2, 10, 1),
            AutoGraded("s9", "e3", "u3", submitted, submitted, 2, 10, 2),
            AutoGraded("s10", "e3", "u4", submitted, submitted, 9, 10, 0),
            ManuallyGraded("s7", "e3", "u1", "q2", "essay", 5, 5, "t1", Utc(12, 2, 11), submitted, 7, 10, 0),
            ManuallyGraded("s8", "e3", "u2", "q2", "essay", 5, 5, "t1", Utc(12, 2, 13), submitted, 7, 10, 0),
            ManuallyGraded("s9", "e3", "u3", "q2", "essay", 5, 5, "t1", Utc(12, 2, 10), submitted, 7, 10, 1),
            ManuallyGraded("s9", "e3", "u3", "q3", "essay", 1, 5, "t1", Utc(12, 2, 19), submitted, 8, 10, 0));

        var pages = await QueryAsync(new() { [ReportCatalog.ExamId] = "e3" }, "exam_turnaround");

        // Hours 2, 4, 10: median 4; 90th percentile at position 1.8: 4 + 0.8 * 6.
        Rows(pages["exam_turnaround"], ["teacher_graded", "median_hours", "p90_hours", "max_hours"], [3, 4.0, 8.8, 10.0]);
    }

    [Fact]
    public async Task AStudentsAnomalyListHoldsEachRecordOnceWithItsReason()
    {
        WriteExamLake();

        var pages = await QueryAsync(new() { [ReportCatalog.StudentId] = "u1" }, "user_anomaly_list");

        // a1 opened and closed (its final figures), a2 only opened (no end yet), a4 in another exam; a3 is u2's.
        Rows(pages["user_anomaly_list"], ["anomaly_id", "exam_id", "session_id", "type", "severity", "started_at", "ended_at", "reason"],
            ["a1", "e1", "session-u1", "no_face", "critical", Utc(12, 2, 8, 10), Utc(12, 2, 9), "a reason"],
            ["a2", "e1", "session-u1", "tab_hidden", "medium", Utc(12, 2, 8, 20), null, "a reason"],
            ["a4", "e2", "session-u1", "no_face", "high", Utc(12, 2, 8, 40), Utc(12, 2, 9), "a reason"]);
    }

    [Fact]
    public async Task UserReportsUsePublishedResultsOnlyAndTheNewestPublication()
    {
        WriteExamLake();
        var first = Published("p1", "e1", "u1", 40, false, Utc(12, 10, 9));
        var again = Published("p1", "e1", "u1", 50, true, Utc(12, 11, 9));
        var second = Published("p2", "e2", "u1", 80, true, Utc(12, 12, 9));
        _lake.Write(
            first, PublishedQuestion(first, "q1", "single_choice", 0, 5, false),
            again, PublishedQuestion(again, "q1", "single_choice", 5, 5, true), PublishedQuestion(again, "q2", "essay", 3, 5, null),
            second, PublishedQuestion(second, "q1", "single_choice", 0, 5, false), PublishedQuestion(second, "q2", "essay", 5, 5, null),
            PublishedQuestion(second, "q3", "true_false", 1, 1, true),
            Published("p9", "e1", "u9", 100, true, Utc(12, 12, 10)));

        var pages = await QueryAsync(new() { [ReportCatalog.StudentId] = "u1" }, "user_results", "user_areas", "user_anomalies");

        Rows(pages["user_results"], ["submission_id", "exam_id", "percentage", "passed", "published_at"],
            ["p1", "e1", 50.0, true, Utc(12, 11, 9)],
            ["p2", "e2", 80.0, true, Utc(12, 12, 9)]);
        // From the newest publication of p1 and from p2: essay 3/5 (not full marks) and 5/5; single choice right once;
        // true/false right once. mean_percent: essay (60 + 100) / 2, single choice (100 + 0) / 2.
        Rows(pages["user_areas"], ["question_type", "attempts", "correct_rate", "mean_percent"],
            ["essay", 2, 50.0, 80.0],
            ["single_choice", 2, 50.0, 50.0],
            ["true_false", 1, 100.0, 100.0]);
        // u1's anomalies: a1 and a4 (no face), a2 (tab hidden); a3 is another student's.
        Rows(pages["user_anomalies"], ["type", "anomalies"], ["no_face", 2], ["tab_hidden", 1]);
    }

    [Fact]
    public async Task AnIdIsBoundAsAValueNeverRunAsSql()
    {
        WriteExamLake();

        var pages = await QueryAsync(new() { [ReportCatalog.ExamId] = "e1' OR '1'='1", [ReportCatalog.PassMark] = "60" }, "exam_summary");

        Assert.Equal(0L, pages["exam_summary"].Rows[0][0]);
    }

    [Fact]
    public async Task AnEmptyLakeGivesZeroCountsAndNoRows()
    {
        var pages = await QueryAsync(new() { [ReportCatalog.ExamId] = "e1", [ReportCatalog.PassMark] = "60" }, "exam_summary", "exam_questions");

        Assert.Equal(0L, pages["exam_summary"].Rows[0][0]);
        Assert.Null(pages["exam_summary"].Rows[0][1]);
        Assert.Empty(pages["exam_questions"].Rows);
    }

    [Fact]
    public async Task PlatformReportsCountTheRawZoneWithTodayInUtc()
    {
        var at = Utc(12, 5, 9, 30);
        var graded = AutoGraded("g1", "e1", "u1", at, at, 5, 10, 0);
        _lake.Write(
            Started("s1", "e1", Utc(12, 5, 9)), Started("s2", "e2", Utc(12, 5, 10)), Started("s3", "e1", Utc(12, 4, 15)),
            Ended("s1", "e1", at),
            graded, AutoGraded("g2", "e1", "u2", at, at, 7, 10, 0),
            AnomalyClosed("a1", "e1", "u1", "no_face", "critical", null, Utc(12, 5, 9, 10), at),
            AnomalyClosed("a2", "e1", "u1", "copy", "low", null, Utc(12, 5, 9, 20), at),
            AnomalyClosed("a3", "e1", "u3", "no_face", "critical", null, Utc(12, 4, 15, 10), Utc(12, 4, 15, 20)),
            AnomalyClosed("a4", "e1", "u3", "copy", "low", null, Utc(11, 1, 15), Utc(11, 1, 15, 5)));
        _lake.Write(graded);

        var pages = await QueryAsync(new()
        {
            [ReportCatalog.DayStart] = "2026-12-05 00:00:00",
            [ReportCatalog.DayEnd] = "2026-12-06 00:00:00",
            [ReportCatalog.TrendStart] = "2026-11-06 00:00:00",
            [ReportCatalog.RecentAnomalies] = "2",
        }, "platform_totals", "platform_hourly", "platform_daily");

        // Active: s2 and s3 have no end. Today: s1 and s2 (exams e1, e2), s1 ended, a1 and a2. Newest two anomalies: a2, a1 (critical).
        Rows(pages["platform_totals"],
            ["submissions", "sessions", "active_sessions", "exams_today", "sessions_today", "submissions_today", "anomalies_today", "critical_recent"],
            [2, 3, 2, 2, 2, 1, 2, 1]);
        Rows(pages["platform_hourly"], ["hour", "submissions", "anomalies"], ["09", 1, 2]);
        // a4 (1 November) is before the 30-day window.
        Rows(pages["platform_daily"], ["day", "submissions", "anomalies"], [Date(12, 4), 0, 1], [Date(12, 5), 1, 2]);
    }

    private static Row Started(string session, string exam, DateTimeOffset at) =>
        new Row("sessions", "session_started")
            .With("event_id", NewEventId()).With("occurred_at", at).With("session_id", session).With("booking_id", "b-" + session)
            .With("slot_id", "slot-" + exam).With("exam_id", exam).With("student_id", "u-" + session).With("teacher_id", "t1")
            .With("started_at", at).With("deadline", at.AddHours(1)).With("question_count", 2);

    private static Row Ended(string session, string exam, DateTimeOffset at) =>
        new Row("sessions", "session_submitted")
            .With("event_id", NewEventId()).With("occurred_at", at).With("session_id", session).With("submission_id", "g-" + session)
            .With("slot_id", "slot-" + exam).With("exam_id", exam).With("student_id", "u-" + session).With("teacher_id", "t1").With("how", "submitted")
            .With("started_at", at.AddMinutes(-30)).With("ended_at", at).With("duration_seconds", 1800.0)
            .With("answered_count", 2).With("question_count", 2).With("anomaly_count", 0).With("risk_score", 0);

    private async Task<IReadOnlyDictionary<string, AnalyticsPage>> QueryAsync(Dictionary<string, string> parameters, params string[] reports) =>
        await _engine.QueryAsync(new AnalyticsReportRequest(_lake.Root, reports, parameters), TestContext.Current.CancellationToken);

    private void WriteExamLake()
    {
        var submitted = Utc(12, 2, 9);
        var graded = Utc(12, 2, 10);
        var s1 = AutoGraded("s1", "e1", "u1", submitted, graded, 2, 10, 0);
        var s2 = AutoGraded("s2", "e1", "u2", submitted, graded, 4.5, 10, 0);
        var s3 = AutoGraded("s3", "e1", "u3", submitted, graded, 7, 10, 0);
        var s4 = AutoGraded("s4", "e1", "u4", submitted, graded, 9, 10, 0);
        var s5 = AutoGraded("s5", "e1", "u5", submitted, graded, 5, 10, 1);
        var other = AutoGraded("s6", "e2", "u1", submitted, graded, 10, 10, 0);
        _lake.Write(
            s1, s2, s3, s4, s5, other,
            AutoGradedQuestion(s1, "q1", "single_choice", 0, 5, false, true), AutoGradedQuestion(s1, "q2", "short_answer", 0, 5, false, false),
            AutoGradedQuestion(s2, "q1", "single_choice", 5, 5, true, true), AutoGradedQuestion(s2, "q2", "short_answer", 0, 5, false, true),
            AutoGradedQuestion(s3, "q1", "single_choice", 5, 5, true, true), AutoGradedQuestion(s3, "q2", "short_answer", 2, 5, false, true),
            AutoGradedQuestion(s4, "q1", "single_choice", 5, 5, true, true), AutoGradedQuestion(s4, "q2", "short_answer", 5, 5, true, true),
            AutoGradedQuestion(s5, "q1", "single_choice", 5, 5, true, true),
            AutoGradedQuestion(other, "q1", "single_choice", 5, 5, true, true),
            SessionSubmitted("u1", "e1", Utc(12, 2, 9), 10),
            AnomalyOpened("a1", "e1", "u1", "no_face", "critical", null, Utc(12, 2, 8, 10)),
            AnomalyClosed("a1", "e1", "u1", "no_face", "critical", null, Utc(12, 2, 8, 10), Utc(12, 2, 9)),
            AnomalyOpened("a2", "e1", "u1", "tab_hidden", "medium", null, Utc(12, 2, 8, 20)),
            AnomalyClosed("a3", "e1", "u2", "tab_hidden", "medium", null, Utc(12, 2, 8, 30), Utc(12, 2, 9)),
            AnomalyClosed("a4", "e2", "u1", "no_face", "high", null, Utc(12, 2, 8, 40), Utc(12, 2, 9)));
        // Other durations; in files of their own, since a file takes its column order from its first row.
        _lake.Write(
            SessionSubmitted("u2", "e1", Utc(12, 2, 9), 10).Without("duration_seconds").With("duration_seconds", 600.0),
            SessionSubmitted("u1", "e2", Utc(12, 2, 9), 10).Without("duration_seconds").With("duration_seconds", 60.0));
        // Redelivered: the same event stored again in another file.
        _lake.Write(s1);
    }

    private static Row Published(string submission, string exam, string student, double percentage, bool passed, DateTimeOffset at) =>
        new Row("submissions", "submission_published")
            .With("event_id", NewEventId()).With("occurred_at", at)
            .With("submission_id", submission).With("session_id", "session-" + submission).With("slot_id", "slot-" + exam)
            .With("exam_id", exam).With("student_id", student).With("teacher_id", "t1").With("published_by", "t1")
            .With("submitted_at", at.AddDays(-1)).With("published_at", at)
            .With("score", percentage / 10).With("max_score", 10.0).With("percentage", percentage)
            .With("pass_mark_percent", 50.0).With("passed", passed);

    private static Row PublishedQuestion(Row published, string question, string type, double score, double maxScore, bool? correct)
    {
        string Get(string column) => (string)published.Values.Single(v => v.Column == column).Value!;
        return new Row("submissions", "submission_published_question")
            .With("event_id", Get("event_id")).With("occurred_at", published.OccurredAt)
            .With("submission_id", Get("submission_id")).With("exam_id", Get("exam_id")).With("student_id", Get("student_id"))
            .With("question_id", question).With("question_type", type)
            .With("score", score).With("max_score", maxScore)
            .With("correct", correct is { } c ? c : new SqlNull("BOOLEAN")).With("answered", true)
            .With("graded_by", correct is null ? "t1" : "auto");
    }
}
