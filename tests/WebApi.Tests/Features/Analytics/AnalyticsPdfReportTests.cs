using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Ports;
using ProctorWise.Reports;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;
using static ProctorWise.WebApi.Tests.Features.Analytics.AnalyticsApiTests;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>
/// The PDF reports (docs/reports.md) through the real pipeline: the figures read back from the PDF with pdftotext, its
/// fonts embedded, A4, page numbers; who may download which; a clear error without the fonts.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsPdfReportTests(AnalyticsApiFactory factory)
{
    private static readonly DateTimeOffset s_day = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheExamReportPrintsTheExamsFiguresOnA4WithEmbeddedFontsAndPageNumbers()
    {
        var admin = await factory.AdminAsync();
        var owner = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await owner.CreatePublishedExamAsync(title: "Optics " + Guid.NewGuid().ToString("N")[..6]);
        // 30 % and 90 % at the pass mark of 50 % (the helper's exam): pass rate 50 %, median 60 %; q1 always right, q2 right once; 20 and 10 minutes; one tab switch.
        await factory.WriteAsync(
            Graded(exam.Id, "u1", 3, pending: 0, ("q1", true, 3m), ("q2", false, 0m)),
            Graded(exam.Id, "u2", 9, pending: 0, ("q1", true, 3m), ("q2", true, 6m)),
            Submitted(exam.Id, "u1", 1200), Submitted(exam.Id, "u2", 600),
            Anomaly(exam.Id, "u1", AnomalyType.TabHidden, Severity.Medium, s_day));

        var response = await owner.GetRawAsync($"/api/analytics/exams/{exam.Id}/report.pdf");

        await Expect.Status(HttpStatusCode.OK, response);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"exam-{exam.Id}-report.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));

        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("Exam report", text, StringComparison.Ordinal);
        Assert.Contains(exam.Title, text, StringComparison.Ordinal);
        Has(text, @"Period: All graded submissions up to \d{4}-\d\d-\d\d \d\d:\d\d UTC");
        Has(text, @"Generated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC");
        Has(text, @"Graded submissions\s+2\b");
        Has(text, @"Pass rate \(pass mark 50 %\)\s+50\.0 %");
        Has(text, @"Mean score\s+60\.0 %");
        Has(text, @"Median score\s+60\.0 %");
        Has(text, @"Lowest score\s+30\.0 %");
        Has(text, @"Highest score\s+90\.0 %");
        Has(text, @"Mean completion time\s+15 min 0 s");
        // Per-question rows: id, type, attempts, answered, correct, correct rate, mean score, difficulty.
        Has(text, @"q1\s+Single choice\s+2\s+2\s+2\s+100\.0 %\s+3\s*/\s*6\s+easy");
        Has(text, @"q2\s+Single choice\s+2\s+2\s+1\s+50\.0 %\s+3\s*/\s*6\s+medium");
        Has(text, @"Tab hidden\s+1\b");
        // Quartiles of 30 and 90 (linear interpolation): 30 + 0.25 * 60 and 30 + 0.75 * 60.
        Has(text, @"Quartiles \(Q1 – Q3\)\s+45\.0 %\s+–\s+75\.0 %");
        // A 30-minute exam in bins of 3 minutes: 600 s in 9-12 min, 1200 s in 18-21 min, every other bin empty.
        Has(text, @"Time taken\s+Attempts ended");
        string[] bins = ["0-3", "3-6", "6-9", "9-12", "12-15", "15-18", "18-21", "21-24", "24-27", "27-30"];
        Assert.All(bins, b => Has(text, $@"(?m)^\s*{b} min\s+{(b is "9-12" or "18-21" ? 1 : 0)}\s*$"));
        // Per student: u1 has no account, so the row names the id; one medium tab switch.
        Has(text, @"Anomalies per student");
        Has(text, @"u1\s+1\s+Medium\s+Tab hidden 1\b");
        // Nothing here waited for a teacher.
        Has(text, @"Graded by a teacher\s+0\b");
        // The charts print their values: the correct-rate bar of q1 reads 100.0 % beside its row in the table.
        Has(text, @"Correct rate per question \(%\)");
        Assert.Equal(2, Regex.Count(text, @"100\.0 %"));
        Has(text, @"Page 1 of \d");

        var fonts = await PdfTools.FontsAsync(pdf);
        Assert.Matches(new Regex(@"DejaVuSans\s.*\byes\b", RegexOptions.Multiline), fonts);
        Assert.Matches(new Regex(@"DejaVuSans-Bold\s.*\byes\b", RegexOptions.Multiline), fonts);
        Has(await PdfTools.InfoAsync(pdf), @"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)");
    }

    [Fact]
    public async Task TheExamReportPrintsTheGradingTurnaroundOfTeacherGradedSubmissions()
    {
        var admin = await factory.AdminAsync();
        var owner = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await owner.CreatePublishedExamAsync();
        // Two essays graded by the teacher 2 and 6 hours after submission; one graded automatically, which does not count.
        await factory.WriteAsync([
            .. GradedByTeacher(exam.Id, "u1", 6, TimeSpan.FromHours(2)),
            .. GradedByTeacher(exam.Id, "u2", 8, TimeSpan.FromHours(6)),
            Graded(exam.Id, "u3", 9, pending: 0, ("q1", true, 3m))]);

        var response = await owner.GetRawAsync($"/api/analytics/exams/{exam.Id}/report.pdf");

        await Expect.Status(HttpStatusCode.OK, response);
        var text = await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Has(text, @"Graded by a teacher\s+2\b");
        // Median of 2 and 6 h; 90th percentile 2 + 0.9 * 4.
        Has(text, @"Grading turnaround \(median / 90th percentile\)\s+4\.0 h / 5\.6 h");
    }

    [Fact]
    public async Task TheExamReportIsForItsOwnerAndAdminsOnly()
    {
        var admin = await factory.AdminAsync();
        var owner = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await owner.CreatePublishedExamAsync();
        var path = $"/api/analytics/exams/{exam.Id}/report.pdf";

        await Expect.Status(HttpStatusCode.OK, await admin.GetRawAsync(path));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync(path));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync(path));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Proctor)).GetRawAsync(path));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync("/api/analytics/exams/no-such-exam/report.pdf"));
        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().GetRawAsync(path));
    }

    [Fact]
    public async Task AStudentsReportHoldsTheirPublishedResultsAndIsForThemAndAdminsOnly()
    {
        var admin = await factory.AdminAsync();
        var student = await admin.NewUserAsync(UserRole.Student, "Pia Pdf");
        var id = student.User!.Id;
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var optics = await teacher.CreatePublishedExamAsync(title: "Optics " + Guid.NewGuid().ToString("N")[..6]);
        var acoustics = await teacher.CreatePublishedExamAsync(title: "Acoustics " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WriteAsync(
            Published(optics.Id, id, 40, passed: false, s_day, ("q1", QuestionType.SingleChoice, true), ("q2", QuestionType.Essay, false)),
            Published(acoustics.Id, id, 80, passed: true, s_day.AddDays(7), ("q1", QuestionType.SingleChoice, true), ("q2", QuestionType.Essay, false)),
            Anomaly(optics.Id, id, AnomalyType.Paste, Severity.Low, s_day),
            Anomaly(acoustics.Id, id, AnomalyType.NoFace, Severity.High, s_day.AddDays(7)));
        var path = $"/api/analytics/users/{id}/report.pdf";

        var response = await student.GetRawAsync(path);

        await Expect.Status(HttpStatusCode.OK, response);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Student report", text, StringComparison.Ordinal);
        Assert.Contains("Pia Pdf", text, StringComparison.Ordinal);
        Assert.Contains("Period: Results published from 2026-11-02 to 2026-11-09", text, StringComparison.Ordinal);
        Has(text, @"Published results\s+2\b");
        Has(text, @"Pass rate\s+50\.0 %");
        Has(text, @"Mean score\s+60\.0 %");
        // Exams by their titles, never their ids.
        Has(text, $@"2026-11-02 09:00 UTC\s+{optics.Title}\s+40\.0 %\s+no");
        Has(text, $@"2026-11-09 09:00 UTC\s+{acoustics.Title}\s+80\.0 %\s+yes");
        // Each anomaly record, oldest first: exam, when, type, severity, reason.
        Has(text, @"Each record, with its reason");
        Has(text, $@"{optics.Title}\s+2026-11-02 09:00 UTC\s+Paste\s+Low\s+a reason(.|\n)*{acoustics.Title}\s+2026-11-09 09:00 UTC\s+No face\s+High\s+a reason");
        Assert.DoesNotContain(optics.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain(acoustics.Id, text, StringComparison.Ordinal);
        Has(text, @"Strongest question types\s+Single choice");
        Has(text, @"Weakest question types\s+Essay");
        Has(text, @"Paste\s+1\b");
        Has(text, @"No face\s+1\b");

        await Expect.Status(HttpStatusCode.OK, await admin.GetRawAsync(path));
        // Another student is not told the account exists (as for the figures); staff are refused.
        await Expect.Problem(HttpStatusCode.NotFound, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync(path));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync(path));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync("/api/analytics/users/no-such-user/report.pdf"));
    }

    [Fact]
    public void WithoutTheFontsAReportFailsWithAMessageThatSaysWhatToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-fonts-" + Guid.NewGuid().ToString("N"));
        using var fonts = new ReportFonts(Options.Create(new ReportOptions { FontDirectory = missing }), NullLogger<ReportFonts>.Instance);
        var writer = new SkiaPdfReportWriter(fonts);

        var error = Assert.Throws<ProctorWiseException>(() => writer.Write(new ReportDocument("Exam report", "x", "all time", s_day, [])));

        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Contains(Path.Combine(missing, ReportFonts.RegularFile), error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongTableGoesOnOverPagesWithItsHeaderAndEveryPageIsNumbered()
    {
        using var fonts = new ReportFonts(Options.Create(new ReportOptions()), NullLogger<ReportFonts>.Instance);
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"row-{i:000}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToArray();
        var document = new ReportDocument("Exam report", "Long", "all time", s_day,
            [new ReportChart("Trend", ReportChartKind.Line, ["a", "b", "c"], [10, 55.5, 30], " %", 100), new ReportGrid("Rows", ["Name", "Value"], rows, "none")]);

        var pdf = new SkiaPdfReportWriter(fonts).Write(document);

        var text = await PdfTools.TextAsync(pdf);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToArray();
        Assert.True(pages.Length >= 3, $"Expected at least 3 pages, got {pages.Length}.");
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Length}", pages[i], StringComparison.Ordinal);
            Has(pages[i], @"Name\s+Value");
            Assert.Contains("Generated 2026-11-02 09:00 UTC · period: all time", pages[i], StringComparison.Ordinal);
        }

        Assert.All(rows, r => Assert.Matches($@"{r[0]}\s+{r[1]}\b", text));
        Assert.All(["10.0 %", "55.5 %", "30.0 %"], v => Assert.Contains(v, text, StringComparison.Ordinal));
    }

    /// <summary>Asserts a pattern in the PDF's text, showing the whole text when it is not there.</summary>
    private static void Has(string text, [StringSyntax(StringSyntaxAttribute.Regex)] string pattern) =>
        Assert.True(Regex.IsMatch(text, pattern), $"'{pattern}' is not in the PDF's text:\n{text}");
}
