using System.Globalization;
using System.Net;
using System.Text.Json;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>
/// Issue 13 end to end: an exam taken through the HTTP API (two students, answers, browser signals that become anomalies,
/// submissions, a teacher's grades, publication) reaches the lake through the silo's own lake writer; the daily, weekly
/// and monthly jobs started through <c>POST /api/analytics/jobs/{job}/runs</c> (the chain) and the exam and user figures
/// then hold exactly what was done. Every expected value below is worked out from the answers and signals by hand.
/// It runs once per engine (<see cref="AnalyticsEndToEndTests"/> on embedded DuckDB, <see cref="SparkAnalyticsEndToEndTests"/>
/// through Spark Connect), with the same expectations.
/// </summary>
public abstract class AnalyticsEndToEndScenario(AnalyticsApiFactory factory)
{
    // The exam of ApiClient.ExamBody (10 points: single 2, multi 2, tf 1, short 1, essay 4), pass mark 50 %, without a
    // required webcam: no frame is sent, and a camera timeout would add anomalies the test did not cause.
    private static object ExamBody() => new
    {
        title = "Analytics end to end",
        durationMinutes = 30,
        passMarkPercent = 50,
        proctoring = new { webcamRequired = false },
        questions = new object[]
        {
            new { id = "single", type = "single_choice", text = "H2O is?", options = new[] { "salt", "water" }, correct = new[] { 1 }, points = 2 },
            new { id = "multi", type = "multiple_choice", text = "Noble gases?", options = new[] { "He", "O", "Ne" }, correct = new[] { 0, 2 }, points = 2 },
            new { id = "tf", type = "true_false", text = "Gold is a metal.", correct = new[] { 0 }, points = 1 },
            new { id = "short", type = "short_answer", text = "Symbol of sodium?", correctText = "Na", points = 1 },
            new { id = "essay", type = "essay", text = "Explain covalent bonds.", points = 4 },
        },
    };

    [Fact]
    public async Task AnExamTakenThroughTheApiIsInTheDailyWeeklyAndMonthlyOutputsAndTheAnalyticsApi()
    {
        // Far enough from midnight (UTC) that the whole exam falls on one day.
        if (factory.Clock.GetUtcNow().TimeOfDay > TimeSpan.FromHours(22))
        {
            factory.Clock.Advance(TimeSpan.FromHours(3));
        }

        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var (ann, ben) = (await admin.NewUserAsync(UserRole.Student), await admin.NewUserAsync(UserRole.Student));
        var exam = await teacher.ReadAsync<ExamView>(await teacher.PostAsync("/api/exams", ExamBody()), HttpStatusCode.Created);
        await Expect.Status(HttpStatusCode.OK, await teacher.PostAsync($"/api/exams/{exam.Id}/publish"));
        var slot = await teacher.AddSlotAsync(exam.Id, BookedSlot.OpensIn);
        var (annBooking, benBooking) = (await ann.BookAsync(slot.Id), await ben.BookAsync(slot.Id));
        factory.Clock.Advance(BookedSlot.OpensIn);
        var (annSession, benSession) = (await ann.StartAsync(annBooking.Id), await ben.StartAsync(benBooking.Id));

        // Ann: single, multi and short right, true/false wrong (auto 5 of 6); three signals, three anomalies:
        // tab_hidden (medium, ended by resume), copy (low), paste (medium; high only from the 3rd in a row).
        await AnswerAsync(ann, annSession.Id, ("single", new[] { 1 }), ("multi", new[] { 0, 2 }), ("tf", new[] { 1 }), ("short", " na "), ("essay", "Shared electrons."));
        foreach (var (type, seq) in new[] { ("tab_hidden", 1), ("resume", 2), ("copy", 3), ("paste", 4) })
        {
            await Expect.Status(HttpStatusCode.Accepted, await ann.PostAsync($"/api/sessions/{annSession.Id}/events", new { type, seq }));
        }

        // Ben: multi and true/false right, single and short wrong (auto 3 of 6); no signal.
        await AnswerAsync(ben, benSession.Id, ("single", new[] { 0 }), ("multi", new[] { 0, 2 }), ("tf", new[] { 0 }), ("short", "K"), ("essay", "Atoms."));
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var annSubmission = (await ann.ReadAsync<SubmitResponse>(await ann.PostAsync($"/api/sessions/{annSession.Id}/submit"))).SubmissionId;
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var benSubmission = (await ben.ReadAsync<SubmitResponse>(await ben.PostAsync($"/api/sessions/{benSession.Id}/submit"))).SubmissionId;

        // Essays: Ann 3 of 4 (8/10 = 80 %), Ben 1 of 4 (4/10 = 40 %); both published.
        foreach (var (submission, score) in new[] { (annSubmission, 3), (benSubmission, 1) })
        {
            await Expect.Status(HttpStatusCode.OK, await teacher.PutAsync($"/api/submissions/{submission}/grades/essay", new { score, feedback = "Seen." }));
            await Expect.Status(HttpStatusCode.OK, await teacher.PostAsync($"/api/submissions/{submission}/publish"));
        }

        var anomalies = await admin.GetAsync<List<JsonElement>>($"/api/sessions/{annSession.Id}/anomalies");
        Assert.Equal(["copy:low", "paste:medium", "tab_hidden:medium"],
            anomalies.Select(a => $"{a.GetProperty("type").GetString()}:{a.GetProperty("severity").GetString()}").Order(StringComparer.Ordinal));
        var ended = new[] { annSession.Id, benSession.Id }.Select(id => admin.GetAsync<SessionView>($"/api/sessions/{id}")).ToArray();
        var durations = (await Task.WhenAll(ended)).Select(s => (s.EndedAt!.Value - s.StartedAt).TotalSeconds).ToArray();
        var risks = (await admin.GetAsync<JsonElement>($"/api/proctor/rooms/{slot.Id}")).GetProperty("sessions").EnumerateArray()
            .ToDictionary(s => s.GetProperty("studentId").GetString()!, s => s.GetProperty("riskScore").GetInt32());

        // The lake writer lands every fact (flushed each second here): the exam's figures, read from the raw zone, show it.
        var figures = await Eventually.UntilAsync(
            () => admin.GetAsync<JsonElement>($"/api/analytics/exams/{exam.Id}"),
            f => f.GetProperty("submissions").GetInt64() == 2 && f.GetProperty("attempts").GetInt64() == 2
                && f.GetProperty("anomaliesByType").EnumerateObject().Sum(t => t.Value.GetInt64()) == 3,
            "both graded submissions, both attempts and the three anomalies reached the lake", describe: f => f.ToString());
        Assert.Equal((60.0, 60.0, 40.0, 80.0, 50.0), (Number(figures, "meanScore"), Number(figures, "medianScore"), Number(figures, "minScore"), Number(figures, "maxScore"), Number(figures, "passRate")));
        Assert.Equal([0L, 1L, 0L, 1L, 0L], figures.GetProperty("scoreDistribution").EnumerateArray().Select(b => b.GetProperty("count").GetInt64()));
        var questions = figures.GetProperty("questions").EnumerateArray().ToArray();
        Assert.Equal(["essay", "multi", "short", "single", "tf"], questions.Select(q => q.GetProperty("questionId").GetString()));
        Assert.Equal([0.0, 100.0, 50.0, 50.0, 50.0], questions.Select(q => q.GetProperty("correctRate").GetDouble()));
        Assert.Equal(["hard", "easy", "medium", "medium", "medium"], questions.Select(q => q.GetProperty("difficulty").GetString()));
        Assert.Equal(durations.Average(), Number(figures, "meanCompletionSeconds"), 3);
        Assert.Equal(new Dictionary<string, long> { ["copy"] = 1, ["paste"] = 1, ["tab_hidden"] = 1 },
            figures.GetProperty("anomaliesByType").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetInt64()));

        var annFigures = await Eventually.UntilAsync(
            () => ann.GetAsync<JsonElement>($"/api/analytics/users/{ann.User!.Id}"),
            f => f.GetProperty("examsTaken").GetInt64() == 1, "Ann's publication reached the lake", describe: f => f.ToString());
        Assert.Equal((80.0, 100.0), (Number(annFigures, "meanScore"), Number(annFigures, "passRate")));
        Assert.Equal([exam.Id], annFigures.GetProperty("scoreTrend").EnumerateArray().Select(p => p.GetProperty("examId").GetString()));
        // The lake knows the exam by id; the student reads its title (results and every anomaly record).
        Assert.Equal([exam.Title], annFigures.GetProperty("scoreTrend").EnumerateArray().Select(p => p.GetProperty("examTitle").GetString()));
        Assert.All(annFigures.GetProperty("anomalies").EnumerateArray(), a => Assert.Equal(exam.Title, a.GetProperty("examTitle").GetString()));
        Assert.Equal(3, annFigures.GetProperty("anomalies").GetArrayLength());
        Assert.Equal(["multiple_choice", "short_answer", "single_choice"], annFigures.GetProperty("strongestAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["essay", "true_false"], annFigures.GetProperty("weakestAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(3, annFigures.GetProperty("anomaliesByType").EnumerateObject().Sum(t => t.Value.GetInt64()));

        // The chain from the exam's day: that day, its ISO week, its month.
        var day = annSession.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var started = await admin.ReadAsync<JsonElement>(
            await admin.PostAsync("/api/analytics/jobs/daily_anomaly_aggregation/runs", new { period = day, chain = true }), HttpStatusCode.Accepted);
        var then = started.GetProperty("then").EnumerateArray().Select(k => k.GetString()!.Split('/')).ToArray();
        var (week, month) = (then[0][1], then[1][1]);
        foreach (var (job, period) in new[] { ("daily_anomaly_aggregation", day), ("weekly_grade_analytics", week), ("monthly_user_performance", month) })
        {
            var run = await AnalyticsJobApiTests.RunAsync(admin, job, period);
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        }

        // Daily: Ann's three anomalies under the exam and under Ann; none for Ben.
        var byExam = await RowAsync(admin, $"daily_anomaly_aggregation/{day}/by_exam", "exam_id", exam.Id);
        var byUser = await RowAsync(admin, $"daily_anomaly_aggregation/{day}/by_user", "user_id", ann.User!.Id);
        foreach (var row in new[] { byExam, byUser })
        {
            Assert.Equal((3L, 0L, 0L, 2L, 1L, 1L, 1L, 1L),
                (Long(row!, "total_anomalies"), Long(row!, "critical_count"), Long(row!, "high_count"), Long(row!, "medium_count"), Long(row!, "low_count"),
                 Long(row!, "tab_change_count"), Long(row!, "copy_count"), Long(row!, "paste_count")));
        }

        Assert.Null(await RowAsync(admin, $"daily_anomaly_aggregation/{day}/by_user", "user_id", ben.User!.Id));

        // Weekly: 80 % and 40 %; the job's pass mark is 60 %, so one passed. stddev_samp of {40, 80} = √800.
        var statistics = (await RowAsync(admin, $"weekly_grade_analytics/{week}/exam_statistics", "exam_id", exam.Id))!;
        Assert.Equal(2L, Long(statistics, "total_submissions"));
        Assert.Equal((60.0, 40.0, 80.0, 60.0, 50.0, 70.0, 50.0),
            (Number(statistics, "avg_score"), Number(statistics, "min_score"), Number(statistics, "max_score"), Number(statistics, "median_score"),
             Number(statistics, "q1_score"), Number(statistics, "q3_score"), Number(statistics, "pass_rate")));
        Assert.Equal(Math.Sqrt(800), Number(statistics, "stddev_score"), 9);
        Assert.Equal((1L, 1L), (Long(statistics, "passed_count"), Long(statistics, "failed_count")));
        var grader = (await RowAsync(admin, $"weekly_grade_analytics/{week}/grading_efficiency", "graded_by", teacher.User!.Id))!;
        Assert.Equal(2L, Long(grader, "graded_count"));
        var essay = (await RowsAsync(admin, $"weekly_grade_analytics/{week}/question_difficulty")).Single(r => Text(r, "exam_id") == exam.Id && Text(r, "question_id") == "essay");
        Assert.Equal((2L, 0L, "hard"), (Long(essay, "total_attempts"), Long(essay, "correct_count"), Text(essay, "difficulty")));

        // Monthly: one exam each; Ann 80 % ("good"), Ben 40 % ("needs_improvement"); Ann's anomalies and both risk scores.
        var annProfile = (await RowAsync(admin, $"monthly_user_performance/{month}/user_profiles", "user_id", ann.User.Id))!;
        Assert.Equal((1L, 80.0, 80.0, 80.0, 1L, 0L, "good"),
            (Long(annProfile, "total_exams"), Number(annProfile, "avg_score"), Number(annProfile, "first_exam_score"), Number(annProfile, "last_exam_score"),
             Long(annProfile, "exams_passed"), Long(annProfile, "exams_failed"), Text(annProfile, "performance_tier")));
        Assert.Equal((3L, 2L, 1L, 1L, "low"),
            (Long(annProfile, "total_anomalies"), Long(annProfile, "medium_anomalies"), Long(annProfile, "low_anomalies"), Long(annProfile, "tab_change_count"), Text(annProfile, "risk_level")));
        Assert.Equal((risks[ann.User.Id], (long)risks[ann.User.Id]), (Number(annProfile, "mean_session_risk"), Long(annProfile, "max_session_risk")));
        var benProfile = (await RowAsync(admin, $"monthly_user_performance/{month}/user_profiles", "user_id", ben.User.Id))!;
        Assert.Equal((1L, 40.0, 0L, 1L, "needs_improvement", 0L),
            (Long(benProfile, "total_exams"), Number(benProfile, "avg_score"), Long(benProfile, "exams_passed"), Long(benProfile, "exams_failed"),
             Text(benProfile, "performance_tier"), Long(benProfile, "total_anomalies")));
        Assert.Equal(risks[ben.User.Id], Number(benProfile, "mean_session_risk"));
    }

    private static async Task AnswerAsync(ApiClient student, string session, params (string Question, object Answer)[] answers)
    {
        var seq = 0;
        foreach (var (question, answer) in answers)
        {
            await Expect.Status(HttpStatusCode.NoContent, await student.PutAsync($"/api/sessions/{session}/answers/{question}", new { answer, seq = ++seq }));
        }
    }

    /// <summary>Every row of a dataset (this collection's lake holds a few), as column → value.</summary>
    private static async Task<List<Dictionary<string, JsonElement>>> RowsAsync(ApiClient admin, string dataset)
    {
        var page = await admin.GetAsync<JsonElement>($"/api/analytics/datasets/{dataset}?pageSize=200");
        var columns = page.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.True(page.GetProperty("total").GetInt64() <= 200, $"{dataset} has more rows than one page");
        return [.. page.GetProperty("items").EnumerateArray().Select(r => columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2))];
    }

    private static async Task<Dictionary<string, JsonElement>?> RowAsync(ApiClient admin, string dataset, string key, string value) =>
        (await RowsAsync(admin, dataset)).SingleOrDefault(r => Text(r, key) == value);

    private static double Number(JsonElement element, string property) => element.GetProperty(property).GetDouble();

    private static double Number(Dictionary<string, JsonElement> row, string column) => row[column].GetDouble();

    private static long Long(Dictionary<string, JsonElement> row, string column) => row[column].GetInt64();

    private static string? Text(Dictionary<string, JsonElement> row, string column) => row[column].GetString();
}
