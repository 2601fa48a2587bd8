using System.Net;
using System.Text.Json;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>
/// The analytics read routes through the real pipeline: figures from events written into the host's lake (expected values
/// worked out by hand), and who may read what.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsApiTests(AnalyticsApiFactory factory)
{
    private static readonly DateTimeOffset s_day = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExamFiguresComeFromGradedSubmissionsAndReachTheOwnerAndAdminsOnly()
    {
        var admin = await factory.AdminAsync();
        var owner = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await owner.CreatePublishedExamAsync(durationMinutes: 30);
        var named = await admin.NewUserAsync(UserRole.Student, "Nia Named");
        // 30 % and 90 % graded; one submission waits for a teacher and does not count. Pass mark 60.
        await factory.WriteAsync(
            Graded(exam.Id, "u1", 3, pending: 0, ("q1", true, 3m), ("q2", false, 0m)),
            Graded(exam.Id, "u2", 9, pending: 0, ("q1", true, 3m), ("q2", true, 6m)),
            Graded(exam.Id, "u3", 10, pending: 1, ("q1", true, 3m)),
            Submitted(exam.Id, "u1", 1200), Submitted(exam.Id, "u2", 600),
            Anomaly(exam.Id, "u1", AnomalyType.TabHidden, Severity.Medium, s_day),
            Anomaly(exam.Id, "u1", AnomalyType.NoFace, Severity.Critical, s_day.AddMinutes(1)),
            Anomaly(exam.Id, "u1", AnomalyType.TabHidden, Severity.Low, s_day.AddMinutes(2)),
            Anomaly(exam.Id, named.User!.Id, AnomalyType.Paste, Severity.Low, s_day));

        var figures = await owner.GetAsync<JsonElement>($"/api/analytics/exams/{exam.Id}");

        Assert.Equal(2, figures.GetProperty("submissions").GetInt64());
        Assert.Equal(60, figures.GetProperty("meanScore").GetDouble(), 9);
        Assert.Equal(60, figures.GetProperty("medianScore").GetDouble(), 9);
        Assert.Equal(30, figures.GetProperty("minScore").GetDouble(), 9);
        Assert.Equal(90, figures.GetProperty("maxScore").GetDouble(), 9);
        Assert.Equal(50, figures.GetProperty("passRate").GetDouble(), 9);
        Assert.Equal([0L, 1L, 0L, 0L, 1L], figures.GetProperty("scoreDistribution").EnumerateArray().Select(b => b.GetProperty("count").GetInt64()));
        var questions = figures.GetProperty("questions").EnumerateArray().ToArray();
        Assert.Equal(["q1", "q2"], questions.Select(q => q.GetProperty("questionId").GetString()));
        Assert.Equal([100.0, 50.0], questions.Select(q => q.GetProperty("correctRate").GetDouble()));
        Assert.Equal(["easy", "medium"], questions.Select(q => q.GetProperty("difficulty").GetString()));
        Assert.Equal(900, figures.GetProperty("meanCompletionSeconds").GetDouble(), 9);
        Assert.Equal(2, figures.GetProperty("anomaliesByType").GetProperty("tab_hidden").GetInt64());
        // Quartiles of 30 and 90 (linear interpolation): 30 + 0.25 * 60 and 30 + 0.75 * 60.
        Assert.Equal(45, figures.GetProperty("q1Score").GetDouble(), 9);
        Assert.Equal(75, figures.GetProperty("q3Score").GetDouble(), 9);
        // A 30-minute exam in bins of 3 minutes: 600 s in [540, 720), 1200 s in [1080, 1260).
        var bins = figures.GetProperty("completionTimes").EnumerateArray().ToArray();
        Assert.Equal([0L, 0L, 0L, 1L, 0L, 0L, 1L, 0L, 0L, 0L], bins.Select(b => b.GetProperty("attempts").GetInt64()));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 180.0), bins.Select(b => b.GetProperty("fromSeconds").GetDouble()));
        // u1 first (three anomalies, critical at worst); the named student's name comes from their account.
        var students = figures.GetProperty("studentAnomalies").EnumerateArray().ToArray();
        Assert.Equal(["u1", named.User.Id], students.Select(a => a.GetProperty("studentId").GetString()));
        Assert.Equal([3L, 1L], students.Select(a => a.GetProperty("total").GetInt64()));
        Assert.Equal(["critical", "low"], students.Select(a => a.GetProperty("highestSeverity").GetString()));
        Assert.Equal(2, students[0].GetProperty("byType").GetProperty("tab_hidden").GetInt64());
        Assert.Equal(JsonValueKind.Null, students[0].GetProperty("studentName").ValueKind);
        Assert.Equal("Nia Named", students[1].GetProperty("studentName").GetString());
        // Everything here was graded automatically: no teacher turnaround to report.
        Assert.Equal(0, figures.GetProperty("gradingTurnaround").GetProperty("teacherGraded").GetInt64());
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("gradingTurnaround").GetProperty("medianHours").ValueKind);

        await Expect.Status(HttpStatusCode.OK, await admin.GetRawAsync($"/api/analytics/exams/{exam.Id}"));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync($"/api/analytics/exams/{exam.Id}"));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync($"/api/analytics/exams/{exam.Id}"));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync("/api/analytics/exams/no-such-exam"));

        // Ownership is a right of the teacher role: demoted, the owner reads nothing.
        await Expect.Status(HttpStatusCode.OK, await admin.PatchAsync($"/api/users/{owner.User!.Id}", new { role = "proctor" }));
        var demoted = await factory.Anonymous().LoginAsync(owner.User.Email, "password-123");
        await Expect.Problem(HttpStatusCode.Forbidden, await demoted.GetRawAsync($"/api/analytics/exams/{exam.Id}"));
    }

    [Fact]
    public async Task GradingTurnaroundAndTheCsvExportReachTheOwnerAndAdminsOnly()
    {
        var admin = await factory.AdminAsync();
        var owner = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await owner.CreatePublishedExamAsync();
        // Two essays graded by the teacher 2 and 6 hours after submission (60 % and 80 %); one automatic (90 %).
        await factory.WriteAsync([
            .. GradedByTeacher(exam.Id, "u1", 6, TimeSpan.FromHours(2)),
            .. GradedByTeacher(exam.Id, "u2", 8, TimeSpan.FromHours(6)),
            Graded(exam.Id, "u3", 9, pending: 0, ("q1", true, 3m)),
            Anomaly(exam.Id, "u1", AnomalyType.Copy, Severity.High, s_day)]);

        var turnaround = (await owner.GetAsync<JsonElement>($"/api/analytics/exams/{exam.Id}")).GetProperty("gradingTurnaround");

        // Median of 2 and 6 h; 90th percentile 2 + 0.9 * 4.
        Assert.Equal(2, turnaround.GetProperty("teacherGraded").GetInt64());
        Assert.Equal(4, turnaround.GetProperty("medianHours").GetDouble(), 9);
        Assert.Equal(5.6, turnaround.GetProperty("p90Hours").GetDouble(), 9);
        Assert.Equal(6, turnaround.GetProperty("maxHours").GetDouble(), 9);

        var response = await owner.GetRawAsync($"/api/analytics/exams/{exam.Id}/export.csv");
        await Expect.Status(HttpStatusCode.OK, response);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"exam-{exam.Id}-analytics.csv", response.Content.Headers.ContentDisposition!.FileName);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Equal("section,item,figure,value", lines[0]);
        Assert.Contains("summary,,submissions,3", lines);
        Assert.Contains("summary,,median_score,80", lines);
        Assert.Contains("score_distribution,41-60,submissions,1", lines);
        Assert.Contains("grading_turnaround,,median_hours,4", lines);
        // A computed fraction is written to full precision ("R"), so it is read back as a number.
        var p90 = Assert.Single(lines, l => l.StartsWith("grading_turnaround,,p90_hours,", StringComparison.Ordinal));
        Assert.Equal(5.6, double.Parse(p90.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Contains("student_anomalies,u1,highest_severity,high", lines);
        Assert.Contains("student_anomalies,u1,copy,1", lines);
        Assert.Contains("completion_time,0-180,attempts,0", lines);
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.Equal(4, l.Split(',').Length));

        await Expect.Status(HttpStatusCode.OK, await admin.GetRawAsync($"/api/analytics/exams/{exam.Id}/export.csv"));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync($"/api/analytics/exams/{exam.Id}/export.csv"));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync($"/api/analytics/exams/{exam.Id}/export.csv"));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync("/api/analytics/exams/no-such-exam/export.csv"));
    }

    [Fact]
    public async Task UserFiguresArePublishedResultsForTheUserThemselfAndAdmins()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student);
        var id = student.User!.Id;
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var algebra = await teacher.CreatePublishedExamAsync(title: "Algebra " + Guid.NewGuid().ToString("N")[..6]);
        // A title a spreadsheet would run: the CSV must neutralise it like any other text.
        var formula = await teacher.CreatePublishedExamAsync(title: "=cmd|' /C calc'!A0");
        await factory.WriteAsync(
            Published(algebra.Id, id, 40, passed: false, s_day, ("q1", QuestionType.SingleChoice, true), ("q2", QuestionType.ShortAnswer, false)),
            Published(formula.Id, id, 80, passed: true, s_day.AddDays(1), ("q1", QuestionType.SingleChoice, true), ("q2", QuestionType.ShortAnswer, false)),
            Anomaly(algebra.Id, id, AnomalyType.NoFace, Severity.High, s_day),
            Anomaly("e-gone", id, AnomalyType.Paste, Severity.Low, s_day.AddMinutes(1)),
            Anomaly(algebra.Id, "someone-else", AnomalyType.Paste, Severity.Low, s_day));

        var figures = await student.GetAsync<JsonElement>($"/api/analytics/users/{id}");

        Assert.Equal(2, figures.GetProperty("examsTaken").GetInt64());
        Assert.Equal(60, figures.GetProperty("meanScore").GetDouble(), 9);
        Assert.Equal(50, figures.GetProperty("passRate").GetDouble(), 9);
        var trend = figures.GetProperty("scoreTrend").EnumerateArray().ToArray();
        Assert.Equal([algebra.Id, formula.Id], trend.Select(p => p.GetProperty("examId").GetString()));
        Assert.Equal([algebra.Title, formula.Title], trend.Select(p => p.GetProperty("examTitle").GetString()));
        Assert.Equal(["single_choice"], figures.GetProperty("strongestAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["short_answer"], figures.GetProperty("weakestAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(1, figures.GetProperty("anomaliesByType").GetProperty("no_face").GetInt64());
        // What was recorded about them, with its reason and the exam's title; another student's anomaly is not in their
        // list, and an exam the catalog does not hold keeps its id with no title.
        var records = figures.GetProperty("anomalies").EnumerateArray().ToArray();
        Assert.Equal(2, records.Length);
        var recorded = records[0];
        Assert.Equal(algebra.Id, recorded.GetProperty("examId").GetString());
        Assert.Equal(algebra.Title, recorded.GetProperty("examTitle").GetString());
        Assert.Equal("no_face", recorded.GetProperty("type").GetString());
        Assert.Equal("high", recorded.GetProperty("severity").GetString());
        Assert.Equal("a reason", recorded.GetProperty("reason").GetString());
        Assert.Equal(s_day, recorded.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(("e-gone", JsonValueKind.Null), (records[1].GetProperty("examId").GetString(), records[1].GetProperty("examTitle").ValueKind));

        var csv = await student.GetRawAsync($"/api/analytics/users/{id}/export.csv");
        await Expect.Status(HttpStatusCode.OK, csv);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Contains("summary,,exams_taken,2", lines);
        var anomalyId = recorded.GetProperty("anomalyId").GetString();
        Assert.Contains($"anomaly,{anomalyId},reason,a reason", lines);
        Assert.Contains($"anomaly,{anomalyId},exam_id,{algebra.Id}", lines);
        Assert.Contains($"anomaly,{anomalyId},exam_title,{algebra.Title}", lines);
        Assert.Contains($"anomaly,{records[1].GetProperty("anomalyId").GetString()},exam_title,", lines);
        var formulaResult = trend[1].GetProperty("submissionId").GetString();
        Assert.Contains($"result,{formulaResult},exam_id,{formula.Id}", lines);
        Assert.Contains($"result,{formulaResult},exam_title,'=cmd|' /C calc'!A0", lines);
        Assert.DoesNotContain(lines, l => l.Contains(",=cmd", StringComparison.Ordinal));
        await Expect.Status(HttpStatusCode.OK, await admin.GetRawAsync($"/api/analytics/users/{id}/export.csv"));
        await Expect.Problem(HttpStatusCode.NotFound, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync($"/api/analytics/users/{id}/export.csv"));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync($"/api/analytics/users/{id}/export.csv"));

        await Expect.Status(HttpStatusCode.OK, await admin.GetRawAsync($"/api/analytics/users/{id}"));
        await Expect.Problem(HttpStatusCode.NotFound, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync($"/api/analytics/users/{id}"));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync($"/api/analytics/users/{id}"));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync("/api/analytics/users/no-such-user"));
    }

    [Fact]
    public async Task PlatformFiguresSayWhereTheyComeFromAndRaiseTheConfiguredAlerts()
    {
        var admin = await factory.AdminAsync();
        var today = factory.Clock.GetUtcNow();
        await factory.WriteAsync(Anomaly("e-p", "u-p", AnomalyType.Paste, Severity.Low, today), Anomaly("e-p", "u-p", AnomalyType.Copy, Severity.Low, today));

        var figures = await admin.GetAsync<JsonElement>("/api/analytics/platform");

        Assert.True(figures.GetProperty("users").GetInt64() >= 1);
        Assert.True(figures.GetProperty("anomaliesToday").GetInt64() >= 2);
        // Analytics:Alerts:AnomalySpike is 1 in this host.
        Assert.Contains(figures.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("type").GetString() == "anomaly_spike");
        var sources = figures.GetProperty("sources").EnumerateArray().ToDictionary(
            s => s.GetProperty("source").GetString()!, s => s.GetProperty("figures").EnumerateArray().Select(f => f.GetString()).ToArray());
        Assert.Equal(["users", "exams"], sources["live"]);
        Assert.Contains("anomaliesToday", sources["lake"]);

        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync("/api/analytics/platform"));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync("/api/analytics/platform"));
    }

    internal static SubmissionAutoGraded Graded(string exam, string student, decimal score, int pending, params (string Id, bool Correct, decimal Score)[] questions) =>
        new(Guid.CreateVersion7(), s_day, "sub-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher", s_day.AddMinutes(-5), s_day,
            score, 10, score * 10, pending,
            [.. questions.Select(q => new QuestionOutcome(q.Id, QuestionType.SingleChoice, q.Score, 6, q.Correct, true, "auto"))]);

    /// <summary>A submission that waited for a teacher (one essay) and the teacher's grade <paramref name="after"/> submission.</summary>
    internal static DomainEvent[] GradedByTeacher(string exam, string student, decimal finalScore, TimeSpan after)
    {
        var auto = Graded(exam, student, 0, pending: 1, ("q1", false, 0m));
        return
        [
            auto,
            new SubmissionManuallyGraded(Guid.CreateVersion7(), auto.SubmittedAt + after, auto.SubmissionId, exam, student, "teacher", "essay",
                QuestionType.Essay, finalScore, 10, "teacher", auto.SubmittedAt + after, auto.SubmittedAt, finalScore, 10, finalScore * 10, 0),
        ];
    }

    internal static SessionSubmitted Submitted(string exam, string student, double seconds) =>
        new(Guid.CreateVersion7(), s_day, "session-" + Guid.NewGuid().ToString("N"), "sub", "slot", exam, student, "teacher", SessionStatus.Submitted,
            s_day.AddSeconds(-seconds), s_day, seconds, 2, 2, 0, 0);

    internal static AnomalyClosed Anomaly(string exam, string student, AnomalyType type, Severity severity, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, "anomaly-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher", type, severity, null,
            at, at.AddSeconds(10), 10, 1, "a reason");

    internal static SubmissionPublished Published(string exam, string student, decimal percentage, bool passed, DateTimeOffset at,
        params (string Id, QuestionType Type, bool Correct)[] questions) =>
        new(Guid.CreateVersion7(), at, "sub-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher", "teacher", at.AddDays(-1), at,
            percentage / 10, 10, percentage, 60, passed,
            [.. questions.Select(q => new QuestionOutcome(q.Id, q.Type, q.Correct ? 1 : 0, 1, q.Correct, true, "auto"))]);
}
