using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The teacher's exam analytics page and the student's own analytics page (issue 15) on events written into the
/// app's lake: charts with the expected bars and points, tables and figures equal to the API's, who may open them.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AnalyticsReportPagesTests(BrowserFixture fixture)
{
    private const string Password = "password-123";
    private static readonly DateTimeOffset s_day = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ATeacherSeesTheirExamsDistributionQuestionsAndAnomaliesAndNoOtherTeachersExam()
    {
        var admin = await fixture.App.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher, "Tia Teacher");
        var exam = await teacher.CreatePublishedExamAsync(title: "Optics " + Guid.NewGuid().ToString("N")[..6]);
        // 30 % and 90 %: one in 21–40, one in 81–100; q1 always right, q2 right once; one tab switch.
        await WriteAsync(
            Graded(exam.Id, "rep-u1", 3, ("q1", true, 3m), ("q2", false, 0m)),
            Graded(exam.Id, "rep-u2", 9, ("q1", true, 3m), ("q2", true, 6m)),
            new AnomalyClosed(Guid.CreateVersion7(), s_day, "anomaly-" + Guid.NewGuid().ToString("N"), "session", "slot", exam.Id, "rep-u1", "teacher",
                AnomalyType.TabHidden, Severity.Medium, null, s_day, s_day.AddSeconds(10), 10, 1, "seeded by the browser test"),
            Submitted(exam.Id, "rep-u1", 1200), Submitted(exam.Id, "rep-u2", 600));

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, teacher.User!.Email);
        await page.GotoAsync($"/teacher/exams/{exam.Id}");
        await page.GetByTestId("open-exam-analytics").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync($"Analytics: {exam.Title}");

        await Assertions.Expect(page.GetByTestId("chart-distribution")).ToHaveAttributeAsync("data-points", "5");
        await Assertions.Expect(page.GetByTestId("chart-questions")).ToHaveAttributeAsync("data-points", "2");
        await Assertions.Expect(page.GetByTestId("chart-anomalies")).ToHaveAttributeAsync("data-points", "1");
        var figures = await teacher.GetAsync<JsonElement>($"/api/analytics/exams/{exam.Id}");
        var buckets = figures.GetProperty("scoreDistribution").EnumerateArray().Select(b => $"{b.GetProperty("range").GetString()} {b.GetProperty("count").GetInt64()}");
        Assert.Equal(buckets, await Rows(page.GetByTestId("chart-distribution-table")));
        await Assertions.Expect(page.GetByTestId("kpi-pass-rate").GetByTestId("kpi-value")).ToHaveTextAsync("50 %");
        await Assertions.Expect(page.GetByTestId("kpi-median").GetByTestId("kpi-value")).ToHaveTextAsync("60 %");
        await Assertions.Expect(page.GetByTestId("kpi-submissions").GetByTestId("kpi-value")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("kpi-q1").GetByTestId("kpi-value")).ToHaveTextAsync("45 %");
        await Assertions.Expect(page.GetByTestId("kpi-q3").GetByTestId("kpi-value")).ToHaveTextAsync("75 %");

        // Completion times: ten bins of a tenth of the 30-minute exam, the table holding the API's counts.
        await Assertions.Expect(page.GetByTestId("chart-completion")).ToHaveAttributeAsync("data-points", "10");
        var bins = figures.GetProperty("completionTimes").EnumerateArray().Select(b => b.GetProperty("attempts").GetInt64().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(bins, await page.GetByTestId("chart-completion-table").GetByTestId("chart-row").Locator("td").AllTextContentsAsync());
        Assert.Equal(2, bins.Count(b => b == "1"));

        // Anomalies per student: the one student with a record, their count and highest severity.
        var student = page.GetByTestId("student-anomaly-row");
        await Assertions.Expect(student).ToHaveCountAsync(1);
        await Assertions.Expect(student).ToHaveAttributeAsync("data-student-id", "rep-u1");
        await Assertions.Expect(student.GetByTestId("student-anomaly-total")).ToHaveTextAsync("1");
        await Assertions.Expect(student.GetByTestId("student-anomaly-severity")).ToHaveTextAsync("Medium");
        await Assertions.Expect(page.GetByTestId("kpi-teacher-graded").GetByTestId("kpi-value")).ToHaveTextAsync("0");

        // The CSV arrives as text/csv with the page's figures.
        var csv = await CsvDownloadAsync(page, "download-exam-csv", $"exam-{exam.Id}-analytics.csv");
        Assert.StartsWith("section,item,figure,value\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("summary,,submissions,2\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("summary,,q1_score,45\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("student_anomalies,rep-u1,tab_hidden,1\r\n", csv, StringComparison.Ordinal);

        // Per-question rows sort by correct rate: hardest first, then easiest first.
        var sort = page.Locator("[data-testid='sort-question'][data-column='correctRate']");
        await sort.ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-row").First).ToHaveAttributeAsync("data-question-id", "q2");
        await sort.ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-row").First).ToHaveAttributeAsync("data-question-id", "q1");
        await Assertions.Expect(page.GetByTestId("question-row").First.GetByTestId("question-difficulty")).ToHaveTextAsync("easy");
        await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Correct rate");

        // The PDF report downloads as a file, served as application/pdf, and holds the exam's figures.
        var pdf = await DownloadAsync(page, "download-exam-pdf", $"exam-{exam.Id}-report.pdf");
        var pdfText = await PdfTools.TextAsync(pdf);
        Assert.Contains(exam.Title, pdfText, StringComparison.Ordinal);
        Assert.Matches(@"Median score\s+60\.0 %", pdfText);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "teacher-exam-analytics");
        await page.SetViewportSizeAsync(390, 844);
        await fixture.ScreenshotAsync(page, "teacher-exam-analytics-phone");

        // Another teacher gets a page that says why, not a blank one.
        var other = await admin.NewUserAsync(UserRole.Teacher);
        var stranger = await fixture.NewPageAsync();
        await SignInAsync(stranger, other.User!.Email);
        await stranger.GotoAsync($"/teacher/exams/{exam.Id}/analytics");
        await Assertions.Expect(stranger.GetByTestId("exam-analytics-denied")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AStudentSeesTheirTrendAreasAndWhatWasRecorded()
    {
        var admin = await fixture.App.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student, "Sam Student");
        var id = student.User!.Id;
        await WriteAsync(
            Published("rep-exam-1", id, 40, passed: false, s_day, ("q1", QuestionType.SingleChoice, true), ("q2", QuestionType.Essay, false)),
            Published("rep-exam-2", id, 80, passed: true, s_day.AddDays(7), ("q1", QuestionType.SingleChoice, true), ("q2", QuestionType.Essay, false)),
            new AnomalyClosed(Guid.CreateVersion7(), s_day, "anomaly-" + Guid.NewGuid().ToString("N"), "session", "slot", "rep-exam-1", id, "teacher",
                AnomalyType.Paste, Severity.Low, null, s_day, s_day.AddSeconds(1), 1, 1, "seeded by the browser test"));

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, student.User.Email);
        await page.GotoAsync("/results");
        await page.GetByTestId("open-my-analytics").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("My analytics");

        await Assertions.Expect(page.GetByTestId("chart-trend")).ToHaveAttributeAsync("data-points", "2");
        await Assertions.Expect(page.GetByTestId("chart-areas")).ToHaveAttributeAsync("data-points", "2");
        await Assertions.Expect(page.GetByTestId("chart-my-anomalies")).ToHaveAttributeAsync("data-points", "1");
        var figures = await student.GetAsync<JsonElement>($"/api/analytics/users/{id}");
        var scores = figures.GetProperty("scoreTrend").EnumerateArray().Select(p => p.GetProperty("score").GetDouble().ToString(CultureInfo.InvariantCulture) + " %");
        Assert.Equal(scores, (await page.GetByTestId("chart-trend-table").GetByTestId("chart-row").Locator("td").AllTextContentsAsync()));
        await Assertions.Expect(page.GetByTestId("kpi-exams-taken").GetByTestId("kpi-value")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("kpi-pass-rate").GetByTestId("kpi-value")).ToHaveTextAsync("50 %");
        await Assertions.Expect(page.GetByTestId("strongest-areas")).ToHaveTextAsync("Single choice");
        await Assertions.Expect(page.GetByTestId("weakest-areas")).ToHaveTextAsync("Essay");
        await Assertions.Expect(page.GetByTestId("chart-my-anomalies-table")).ToContainTextAsync("Paste");

        // Each record, under its exam, with the reason that was recorded.
        var record = page.GetByTestId("my-anomaly-row");
        await Assertions.Expect(record).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("my-anomaly-exam")).ToHaveAttributeAsync("data-exam-id", "rep-exam-1");
        await Assertions.Expect(record.GetByTestId("my-anomaly-type")).ToHaveTextAsync("Paste");
        await Assertions.Expect(record.GetByTestId("my-anomaly-reason")).ToHaveTextAsync("seeded by the browser test");
        var csv = await CsvDownloadAsync(page, "download-my-csv", $"student-{id}-analytics.csv");
        Assert.Contains("summary,,exams_taken,2\r\n", csv, StringComparison.Ordinal);
        Assert.Contains(",reason,seeded by the browser test\r\n", csv, StringComparison.Ordinal);

        var pdf = await DownloadAsync(page, "download-my-pdf", $"student-{id}-report.pdf");
        Assert.Matches(@"Published results\s+2\b", await PdfTools.TextAsync(pdf));

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "student-analytics");
        await page.SetViewportSizeAsync(390, 844);
        await fixture.ScreenshotAsync(page, "student-analytics-phone");

        // Another student opening this student's report gets a page that says so, not a blank one.
        var other = await admin.NewUserAsync(UserRole.Student);
        var stranger = await fixture.NewPageAsync();
        await SignInAsync(stranger, other.User!.Email);
        await stranger.GotoAsync($"/analytics/users/{id}");
        await Assertions.Expect(stranger.GetByTestId("page-title")).ToHaveTextAsync("Access denied (403)");
        await Assertions.Expect(stranger.GetByTestId("my-analytics-denied")).ToHaveTextAsync("You can only open your own report.");
        await Assertions.Expect(stranger.GetByTestId("download-my-pdf")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(stranger);
        await fixture.ScreenshotAsync(stranger, "student-analytics-denied");
    }

    /// <summary>Clicks a report button and returns the downloaded file, checking its name, content type and PDF header.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, string button, string fileName)
    {
        var answer = page.WaitForResponseAsync(r => r.Url.EndsWith("/report.pdf", StringComparison.Ordinal));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(button).ClickAsync());
        var response = await answer;
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", (await response.AllHeadersAsync())["content-type"]);
        Assert.Equal(fileName, download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        return bytes;
    }

    /// <summary>Clicks a CSV button and returns the downloaded text, checking its name and that it was served as UTF-8 CSV.</summary>
    private static async Task<string> CsvDownloadAsync(IPage page, string button, string fileName)
    {
        var answer = page.WaitForResponseAsync(r => r.Url.EndsWith("/export.csv", StringComparison.Ordinal));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(button).ClickAsync());
        var response = await answer;
        Assert.Equal(200, response.Status);
        Assert.Equal("text/csv; charset=utf-8", (await response.AllHeadersAsync())["content-type"]);
        Assert.Equal(fileName, download.SuggestedFilename);
        return await File.ReadAllTextAsync(await download.PathAsync(), System.Text.Encoding.UTF8, TestContext.Current.CancellationToken);
    }

    private static async Task<IReadOnlyList<string>> Rows(ILocator table)
    {
        var rows = new List<string>();
        foreach (var row in await table.GetByTestId("chart-row").AllAsync())
        {
            rows.Add(string.Join(' ', await row.Locator("th, td").AllTextContentsAsync()));
        }

        return rows;
    }

    private async Task WriteAsync(params DomainEvent[] events) =>
        await new ParquetEventWriter(new LocalLakeStorage(fixture.App.LakePath)).WriteAsync(events, TestContext.Current.CancellationToken);

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }

    private static SubmissionAutoGraded Graded(string exam, string student, decimal score, params (string Id, bool Correct, decimal Score)[] questions) =>
        new(Guid.CreateVersion7(), s_day, "sub-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher", s_day.AddMinutes(-5), s_day,
            score, 10, score * 10, 0,
            [.. questions.Select(q => new QuestionOutcome(q.Id, QuestionType.SingleChoice, q.Score, 6, q.Correct, true, "auto"))]);

    private static SessionSubmitted Submitted(string exam, string student, double seconds) =>
        new(Guid.CreateVersion7(), s_day, "session-" + Guid.NewGuid().ToString("N"), "sub", "slot", exam, student, "teacher", SessionStatus.Submitted,
            s_day.AddSeconds(-seconds), s_day, seconds, 2, 2, 0, 0);

    private static SubmissionPublished Published(string exam, string student, decimal percentage, bool passed, DateTimeOffset at,
        params (string Id, QuestionType Type, bool Correct)[] questions) =>
        new(Guid.CreateVersion7(), at, "sub-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher", "teacher", at.AddDays(-1), at,
            percentage / 10, 10, percentage, 60, passed,
            [.. questions.Select(q => new QuestionOutcome(q.Id, q.Type, q.Correct ? 1 : 0, 1, q.Correct, true, "auto"))]);
}
