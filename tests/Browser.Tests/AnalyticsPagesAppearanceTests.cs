using System.Globalization;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The analytics pages of issue 15 opened in a browser that prefers a dark colour scheme: the page takes the dark
/// theme, every chart is drawn with light labels, axe-core finds no serious contrast (or other) violation, and a
/// screenshot lands beside the light ones. The platform page's readiness grid and charts also fit 1280 px and a
/// phone. Each page gets just enough seeded data to draw its charts; the figures themselves are checked by
/// <see cref="AnalyticsAdminPagesTests"/> and <see cref="AnalyticsReportPagesTests"/> (the room report's dark and
/// width checks are in <see cref="RoomReportPageTests"/>, which already has a finished room).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AnalyticsPagesAppearanceTests(BrowserFixture fixture)
{
    private const string Monthly = "monthly_user_performance";
    private static readonly DateTimeOffset s_day = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheAdministratorsAnalyticsPagesReadInTheDarkAndThePlatformGridFitsEveryWidth()
    {
        var admin = await fixture.App.AdminAsync();
        // A monthly report with at least one tier, so the platform page draws its tier and risk charts too.
        var now = fixture.App.Clock.GetUtcNow();
        var lastMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1);
        var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var exam = "dark-exam-" + Guid.NewGuid().ToString("N")[..6];
        await AnalyticsRuns.WriteAsync(fixture.App, Graded(exam, "dark-s1", 90, lastMonth.AddDays(5)), Graded(exam, "dark-s2", 50, lastMonth.AddDays(6)));
        await AnalyticsRuns.RunUntilAsync(admin, Monthly, month, fixture.App.Clock.GetUtcNow(), run => AnalyticsRuns.Rows(run, "tier_summary") >= 1);

        var page = await fixture.NewPageAsync(ColorScheme.Dark);
        await SignIn.AsAsync(page, ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        await page.GotoAsync("/admin/analytics/platform");
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Platform analytics");
        await Assertions.Expect(page.GetByTestId("chart-hourly")).ToHaveAttributeAsync("data-points", "48");
        await Assertions.Expect(page.GetByTestId("chart-trends")).ToHaveAttributeAsync("data-points", "60");
        await Assertions.Expect(page.GetByTestId("chart-tiers").Locator("canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("chart-risks").Locator("canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("health-check").First).ToBeVisibleAsync();
        await Appearance.AssertDarkThemeAsync(page);
        await Appearance.AssertChartsDrawnForDarkAsync(page, 4);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "admin-platform-dark");

        // The readiness grid and the charts stay inside the window at a desktop's and at a phone's width.
        await Appearance.AssertFitsAsync(fixture, page, 1280, 900, "admin-platform-dark-1280", "[data-testid='health-check']", "figure.chart", "[data-testid='kpis'] .kpi");
        await Appearance.AssertFitsAsync(fixture, page, 390, 844, "admin-platform-dark-phone", "[data-testid='health-check']", "figure.chart", "[data-testid='kpis'] .kpi");
        await Appearance.AssertChartsDrawnForDarkAsync(page, 4);
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByTestId("nav-jobs").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Analytics jobs");
        await Assertions.Expect(page.Locator($"[data-testid='run-row'][data-job='{Monthly}'][data-period='{month}']")).ToHaveAttributeAsync("data-status", "succeeded");
        await Appearance.AssertDarkThemeAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "admin-jobs-dark");

        await page.GotoAsync($"/admin/analytics/datasets?job={Monthly}&period={month}&dataset=tier_summary");
        await Assertions.Expect(page.GetByTestId("dataset-row").First).ToBeVisibleAsync();
        await Appearance.AssertDarkThemeAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "admin-datasets-dark");
    }

    [Fact]
    public async Task TheTeachersAndTheStudentsAnalyticsPagesReadInTheDark()
    {
        var admin = await fixture.App.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var exam = await teacher.CreatePublishedExamAsync(title: "Dark optics " + Guid.NewGuid().ToString("N")[..6]);
        var student = await admin.NewUserAsync(UserRole.Student);
        var id = student.User!.Id;
        await AnalyticsRuns.WriteAsync(
            fixture.App,
            Graded(exam.Id, "dark-u1", 30, s_day),
            Graded(exam.Id, "dark-u2", 90, s_day),
            Anomaly(exam.Id, "dark-u1", AnomalyType.TabHidden, Severity.Medium),
            new SessionSubmitted(Guid.CreateVersion7(), s_day, "session-" + Guid.NewGuid().ToString("N"), "sub", "slot", exam.Id, "dark-u1", "teacher",
                SessionStatus.Submitted, s_day.AddMinutes(-20), s_day, 1200, 2, 2, 0, 0),
            Published("dark-exam-1", id, 40, passed: false, s_day),
            Published("dark-exam-2", id, 80, passed: true, s_day.AddDays(7)),
            Anomaly("dark-exam-1", id, AnomalyType.Paste, Severity.Low));

        var teacherPage = await fixture.NewPageAsync(ColorScheme.Dark);
        await SignIn.AsAsync(teacherPage, teacher.User!.Email);
        await teacherPage.GotoAsync($"/teacher/exams/{exam.Id}/analytics");
        await Assertions.Expect(teacherPage.GetByTestId("chart-distribution")).ToHaveAttributeAsync("data-points", "5");
        await Assertions.Expect(teacherPage.GetByTestId("chart-questions")).ToHaveAttributeAsync("data-points", "1");
        await Assertions.Expect(teacherPage.GetByTestId("chart-anomalies")).ToHaveAttributeAsync("data-points", "1");
        await Assertions.Expect(teacherPage.GetByTestId("chart-completion")).ToHaveAttributeAsync("data-points", "10");
        await Appearance.AssertDarkThemeAsync(teacherPage);
        await Appearance.AssertChartsDrawnForDarkAsync(teacherPage, 4);
        await Accessibility.AssertNoSeriousViolationsAsync(teacherPage);
        await fixture.ScreenshotAsync(teacherPage, "teacher-exam-analytics-dark");

        var studentPage = await fixture.NewPageAsync(ColorScheme.Dark);
        await SignIn.AsAsync(studentPage, student.User.Email);
        await studentPage.GotoAsync("/analytics/me");
        await Assertions.Expect(studentPage.GetByTestId("chart-trend")).ToHaveAttributeAsync("data-points", "2");
        await Assertions.Expect(studentPage.GetByTestId("chart-areas")).ToHaveAttributeAsync("data-points", "1");
        await Assertions.Expect(studentPage.GetByTestId("chart-my-anomalies")).ToHaveAttributeAsync("data-points", "1");
        await Appearance.AssertDarkThemeAsync(studentPage);
        await Appearance.AssertChartsDrawnForDarkAsync(studentPage, 3);
        await Accessibility.AssertNoSeriousViolationsAsync(studentPage);
        await fixture.ScreenshotAsync(studentPage, "student-analytics-dark");
    }

    private static AnomalyClosed Anomaly(string exam, string student, AnomalyType type, Severity severity) =>
        new(Guid.CreateVersion7(), s_day, "anomaly-" + Guid.NewGuid().ToString("N"), "session-" + student, "slot", exam, student, "teacher", type, severity, null,
            s_day, s_day.AddSeconds(10), 10, 1, "seeded by the browser test");

    private static SubmissionAutoGraded Graded(string exam, string student, decimal percentage, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, "sub-" + Guid.NewGuid().ToString("N"), "session-" + student, "slot", exam, student, "teacher", at.AddMinutes(-5), at,
            percentage / 10, 10, percentage, 0, [new QuestionOutcome("q1", QuestionType.SingleChoice, percentage / 10, 10, percentage >= 60, true, "auto")]);

    private static SubmissionPublished Published(string exam, string student, decimal percentage, bool passed, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, "sub-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher", "teacher", at.AddDays(-1), at,
            percentage / 10, 10, percentage, 60, passed, [new QuestionOutcome("q1", QuestionType.SingleChoice, passed ? 1 : 0, 1, passed, true, "auto")]);
}
