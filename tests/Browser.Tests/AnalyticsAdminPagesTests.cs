using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The administrators' analytics pages (issue 15) on events written into the app's lake: the platform page's charts
/// and their tables agree with the API, a run started from the jobs page turns to succeeded without a reload, and a
/// dataset is sorted on the server and downloaded as CSV. Each page passes axe-core and fits a phone's width.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AnalyticsAdminPagesTests(BrowserFixture fixture)
{
    private const string Daily = "daily_anomaly_aggregation";
    private const string Monthly = "monthly_user_performance";

    [Fact]
    public async Task ThePlatformPageChartsTheFiguresOfTheApiWithTablesOfTheSameNumbers()
    {
        var admin = await fixture.App.AdminAsync();
        var now = fixture.App.Clock.GetUtcNow();
        var exam = "platform-exam-" + Guid.NewGuid().ToString("N")[..6];
        // Last month: three graded students, one per tier (95 % excellent, 80 % good, 40 % needs improvement).
        var firstOfMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var lastMonth = firstOfMonth.AddMonths(-1);
        var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await WriteAsync(
            Anomaly(exam, "platform-u1", AnomalyType.NoFace, Severity.Critical, now.AddMinutes(-1)),
            Anomaly(exam, "platform-u2", AnomalyType.Paste, Severity.Low, now.AddMinutes(-1)),
            Graded(exam, "platform-s1", 95, lastMonth.AddDays(2)),
            Graded(exam, "platform-s2", 80, lastMonth.AddDays(3)),
            Graded(exam, "platform-s3", 40, lastMonth.AddDays(4)));
        await RunUntilAsync(admin, Monthly, month, fixture.App.Clock.GetUtcNow(), run => Rows(run, "user_profiles") >= 3);

        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/analytics/platform");
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Platform analytics");

        // 24 hours × 2 series of bars, 30 days × 2 series of points, laid out by Chart.js.
        await Assertions.Expect(page.GetByTestId("chart-hourly")).ToHaveAttributeAsync("data-points", "48");
        await Assertions.Expect(page.GetByTestId("chart-trends")).ToHaveAttributeAsync("data-points", "60");
        await Assertions.Expect(page.GetByTestId("chart-hourly").Locator("canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("chart-hourly-table").GetByTestId("chart-row")).ToHaveCountAsync(24);
        await Assertions.Expect(page.GetByTestId("chart-trends-table").GetByTestId("chart-row")).ToHaveCountAsync(30);

        // The table holds the API's numbers (read around the page, so a lake flush in between is noticed and retried).
        await ConsistentlyAsync(page, admin, async figures =>
        {
            var hours = figures.GetProperty("hourlyActivity").EnumerateArray()
                .ToDictionary(p => p.GetProperty("at").GetString()!, p => (p.GetProperty("submissions").GetInt64(), p.GetProperty("anomalies").GetInt64()));
            var rows = await page.GetByTestId("chart-hourly-table").GetByTestId("chart-row").AllAsync();
            foreach (var row in rows)
            {
                var cells = await row.Locator("th, td").AllTextContentsAsync();
                var expected = hours.TryGetValue(cells[0], out var v) ? v : (0, 0);
                if (cells[1] != expected.Item1.ToString(CultureInfo.InvariantCulture) || cells[2] != expected.Item2.ToString(CultureInfo.InvariantCulture))
                {
                    return false;
                }
            }

            return await page.GetByTestId("kpi-anomalies-today").GetByTestId("kpi-value").InnerTextAsync()
                == figures.GetProperty("anomaliesToday").GetInt64().ToString(CultureInfo.InvariantCulture);
        });
        var hourRow = page.GetByTestId("chart-hourly-table").GetByTestId("chart-row").Nth(now.AddMinutes(-1).Hour);
        Assert.True(int.Parse(await hourRow.Locator("td").Nth(1).InnerTextAsync(), CultureInfo.InvariantCulture) >= 2, "the two anomalies of this hour are counted");

        // The monthly report: one bar per tier, with the API's counts in its table (other tests may grade students in
        // the same month, so the expected figures are the dataset's, which hold at least this test's three students).
        await Assertions.Expect(page.GetByTestId("monthly")).ToContainTextAsync(month);
        var tierData = await admin.GetAsync<JsonElement>($"/api/analytics/datasets/{Monthly}/{month}/tier_summary?sortBy=performance_tier");
        var expectedTiers = tierData.GetProperty("items").EnumerateArray()
            .Select(r => $"{Humanize(r[0].GetString()!)} = {r[1].GetInt64()}").Order(StringComparer.Ordinal).ToList();
        Assert.Contains(expectedTiers, t => t.StartsWith("Excellent = ", StringComparison.Ordinal));
        Assert.Contains(expectedTiers, t => t.StartsWith("Needs improvement = ", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("chart-tiers")).ToHaveAttributeAsync("data-points", expectedTiers.Count.ToString(CultureInfo.InvariantCulture));
        var tierCells = new List<string>();
        foreach (var tier in await page.GetByTestId("chart-tiers-table").GetByTestId("chart-row").AllAsync())
        {
            tierCells.Add(string.Join(" = ", await tier.Locator("th, td").AllTextContentsAsync()));
        }

        Assert.Equal(expectedTiers, tierCells.Order(StringComparer.Ordinal));
        var riskRows = (await admin.GetAsync<JsonElement>($"/api/analytics/datasets/{Monthly}/{month}/risk_summary")).GetProperty("total").GetInt64();
        await Assertions.Expect(page.GetByTestId("chart-risks")).ToHaveAttributeAsync("data-points", riskRows.ToString(CultureInfo.InvariantCulture));
        var top = await admin.GetAsync<JsonElement>($"/api/analytics/datasets/{Monthly}/{month}/top_performers?sortBy=score_rank&pageSize=10");
        var topColumns = top.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var topUsers = top.GetProperty("items").EnumerateArray().Select(r => r[topColumns.IndexOf("user_id")].GetString()!).ToList();
        Assert.Contains("platform-s1", topUsers);
        Assert.Equal(topUsers, await page.GetByTestId("top-performer-user").AllTextContentsAsync());

        // The readiness grid shows the real checks: this process's, and the embedded silo's own, which say they are in memory.
        await Assertions.Expect(page.Locator("[data-testid='health-check'][data-scope='api'][data-check='cluster']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='health-check'][data-scope='api'][data-check='vision']")).ToHaveCountAsync(1);
        foreach (var check in new[] { "membership", "storage", "streams", "lake", "analytics-engine" })
        {
            await Assertions.Expect(page.Locator($"[data-testid='health-check'][data-scope^='silo:'][data-check='{check}']")).ToHaveAttributeAsync("data-status", "Healthy");
        }

        await Assertions.Expect(page.Locator("[data-testid='health-check'][data-check='storage']").GetByTestId("health-description")).ToContainTextAsync("in memory (embedded mode");

        // The table view is one click away on screen too.
        await page.GetByTestId("chart-hourly-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chart-hourly-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-hourly-toggle")).ToHaveAttributeAsync("aria-expanded", "true");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "admin-platform");
        await AssertFitsAPhoneAsync(page, "admin-platform-phone");
    }

    [Fact]
    public async Task AChainStartedOnTheJobsPageTurnsToSucceededWithoutAReload()
    {
        const string Day = "2026-10-07";
        var at = new DateTimeOffset(2026, 10, 7, 8, 30, 0, TimeSpan.Zero);
        await WriteAsync(
            Anomaly("jobs-exam-1", "jobs-u1", AnomalyType.NoFace, Severity.Critical, at),
            Anomaly("jobs-exam-1", "jobs-u2", AnomalyType.Paste, Severity.Low, at),
            Anomaly("jobs-exam-2", "jobs-u1", AnomalyType.TabHidden, Severity.Medium, at.AddHours(2)));

        var page = await SignedInAdminAsync();
        await page.GetByTestId("nav-jobs").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Analytics jobs");
        await page.GetByTestId("trigger-job").SelectOptionAsync(Daily);
        await page.GetByTestId("trigger-period").FillAsync("2026-W41");
        await page.GetByTestId("trigger-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-period")).ToContainTextAsync("2026-12-04");

        await page.GetByTestId("trigger-period").FillAsync(Day);
        await page.GetByTestId("trigger-chain").CheckAsync();
        await page.GetByTestId("trigger-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("trigger-status")).ToContainTextAsync($"Started Daily anomaly aggregation for {Day}");

        // The poll brings each run of the chain to succeeded: the daily one first, then its week and its month.
        var daily = Run(page, Daily, Day);
        await Assertions.Expect(daily).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(daily.GetByTestId("run-rows")).ToHaveTextAsync("6"); // 2 exams + 2 students + 2 hours
        await Assertions.Expect(daily.GetByTestId("run-attempts")).ToHaveTextAsync("1");
        await Assertions.Expect(daily.GetByTestId("run-duration")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(daily.GetByTestId("run-error")).ToBeEmptyAsync();
        await Assertions.Expect(Run(page, "weekly_grade_analytics", "2026-W41")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(Run(page, Monthly, "2026-10")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("jobs-live")).ToContainTextAsync("next check in");
        Assert.EndsWith("/admin/analytics/jobs", page.Url, StringComparison.Ordinal);

        // A succeeded run links to its data.
        await daily.GetByTestId("run-open-data").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dataset-row")).ToHaveCountAsync(2);

        await page.GetByTestId("nav-jobs").ClickAsync();
        await Assertions.Expect(Run(page, Daily, Day)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "admin-jobs");
        await AssertFitsAPhoneAsync(page, "admin-jobs-phone");
    }

    [Fact]
    public async Task ADatasetIsSortedOnTheServerAndDownloadedAsCsvInThatOrder()
    {
        const string Day = "2026-10-08";
        var at = new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        string busy = "=busy-" + suffix, quiet = "quiet-" + suffix;
        await WriteAsync(
            Anomaly(busy, "ds-u1", AnomalyType.NoFace, Severity.Critical, at),
            Anomaly(busy, "ds-u2", AnomalyType.Paste, Severity.Low, at),
            Anomaly(quiet, "ds-u1", AnomalyType.TabHidden, Severity.Medium, at.AddHours(1)));
        var admin = await fixture.App.AdminAsync();
        await RunUntilAsync(admin, Daily, Day, fixture.App.Clock.GetUtcNow(), run => Rows(run, "by_exam") == 2);

        var page = await SignedInAdminAsync();
        await page.GotoAsync($"/admin/analytics/datasets?job={Daily}&period={Day}&dataset=by_exam");
        await Assertions.Expect(page.GetByTestId("dataset-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("dataset-summary")).ToContainTextAsync("Rows 1–2 of 2");

        var sort = page.Locator("[data-testid='sort-column'][data-column='total_anomalies']");
        await sort.ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("total_anomalies");
        await Assertions.Expect(page.GetByTestId("dataset-row").First.Locator("[data-column='exam_id']")).ToHaveTextAsync(quiet);
        await sort.ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("total_anomalies");
        await Assertions.Expect(page.GetByTestId("dataset-row").First.Locator("[data-column='exam_id']")).ToHaveTextAsync(busy);
        Assert.Contains("sortBy=total_anomalies", page.Url, StringComparison.Ordinal);

        // The table holds what the API serves for the same query.
        var api = await admin.GetAsync<JsonElement>($"/api/analytics/datasets/{Daily}/{Day}/by_exam?sortBy=total_anomalies&direction=desc");
        var columns = api.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var totals = api.GetProperty("items").EnumerateArray().Select(r => r[columns.IndexOf("total_anomalies")].GetInt64().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(totals, await page.GetByTestId("dataset-row").Locator("[data-column='total_anomalies']").AllInnerTextsAsync());

        // CSV in the same order, the formula-like exam id neutralised, served as text/csv.
        var response = await page.RunAndWaitForResponseAsync(
            async () =>
            {
                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("dataset-download").ClickAsync());
                Assert.Equal($"{Daily}-{Day}-by_exam.csv", download.SuggestedFilename);
                var lines = (await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).Split("\r\n");
                Assert.StartsWith("exam_id,total_anomalies,critical_count,", lines[0], StringComparison.Ordinal);
                Assert.StartsWith($"'{busy},2,1,", lines[1], StringComparison.Ordinal);
                Assert.StartsWith($"{quiet},1,0,", lines[2], StringComparison.Ordinal);
                Assert.Equal([""], lines[3..]); // CRLF after the last record, then nothing
            },
            r => r.Url.Contains("format=csv", StringComparison.Ordinal));
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.Equal("text/csv; charset=utf-8", response.Headers["content-type"]);
        Assert.Contains("sortBy=total_anomalies&direction=desc", response.Url, StringComparison.Ordinal);

        // A period that never ran says so and points to the jobs page.
        await page.GotoAsync($"/admin/analytics/datasets?job={Daily}&period=2026-01-02&dataset=hourly");
        await Assertions.Expect(page.GetByTestId("dataset-missing")).ToContainTextAsync("has no output yet");

        await page.GotoAsync($"/admin/analytics/datasets?job={Daily}&period={Day}&dataset=by_exam");
        await Assertions.Expect(page.GetByTestId("dataset-row")).ToHaveCountAsync(2);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "admin-datasets");
        await AssertFitsAPhoneAsync(page, "admin-datasets-phone");
    }

    [Fact]
    public async Task TheAnalyticsPagesAreForAdministratorsOnly()
    {
        var admin = await fixture.App.AdminAsync();
        var teacher = await admin.NewUserAsync(Grains.Interfaces.Security.UserRole.Teacher);
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, teacher.User!.Email, "password-123");
        await Assertions.Expect(page.GetByTestId("nav-jobs")).ToHaveCountAsync(0);
        await page.GotoAsync("/admin/analytics/jobs");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/teacher/exams$"));
    }

    /// <summary>"needs_improvement" → "Needs improvement", as the page labels tiers.</summary>
    private static string Humanize(string value) => char.ToUpperInvariant(value[0]) + value[1..].Replace('_', ' ');

    private static ILocator Run(IPage page, string job, string period) =>
        page.Locator($"[data-testid='run-row'][data-job='{job}'][data-period='{period}']");

    private async Task WriteAsync(params DomainEvent[] events) => await AnalyticsRuns.WriteAsync(fixture.App, events);

    private static long Rows(JsonElement run, string dataset) => AnalyticsRuns.Rows(run, dataset);

    private static Task RunUntilAsync(ApiClient admin, string job, string period, DateTimeOffset writtenAt, Func<JsonElement, bool> done) =>
        AnalyticsRuns.RunUntilAsync(admin, job, period, writtenAt, done);

    /// <summary>
    /// Reads the platform figures before and after checking the page; if they moved (the lake writer flushed in
    /// between), refreshes the page and tries again.
    /// </summary>
    private static async Task ConsistentlyAsync(IPage page, ApiClient admin, Func<JsonElement, Task<bool>> pageAgrees)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = await admin.GetAsync<JsonElement>("/api/analytics/platform");
            await page.GetByTestId("platform-refresh").ClickAsync();
            await Assertions.Expect(page.GetByTestId("chart-hourly")).ToHaveAttributeAsync("data-points", "48");
            var agrees = await pageAgrees(before);
            var after = await admin.GetAsync<JsonElement>("/api/analytics/platform");
            var stable = before.GetProperty("hourlyActivity").ToString() == after.GetProperty("hourlyActivity").ToString()
                && before.GetProperty("anomaliesToday").GetInt64() == after.GetProperty("anomaliesToday").GetInt64();
            if (stable)
            {
                Assert.True(agrees, "the page's table and KPI hold the API's figures");
                return;
            }
        }

        Assert.Fail("the platform figures kept changing while the page was read");
    }

    /// <summary>At a phone's width the page does not scroll sideways (wide tables scroll inside their own box).</summary>
    private async Task AssertFitsAPhoneAsync(IPage page, string screenshot)
    {
        await Appearance.AssertFitsAsync(fixture, page, 390, 844, screenshot);
        await page.SetViewportSizeAsync(1280, 900);
    }

    private async Task<IPage> SignedInAdminAsync()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        return page;
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }

    private static AnomalyClosed Anomaly(string exam, string student, AnomalyType type, Severity severity, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, "anomaly-" + Guid.NewGuid().ToString("N"), "session-" + student, "slot", exam, student, "teacher", type, severity, null,
            at, at.AddSeconds(10), 10, 1, "seeded by the browser test");

    private static SubmissionAutoGraded Graded(string exam, string student, decimal percentage, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, "sub-" + Guid.NewGuid().ToString("N"), "session-" + student, "slot", exam, student, "teacher", at, at,
            percentage / 10, 10, percentage, 0, [new QuestionOutcome("q1", QuestionType.SingleChoice, percentage / 10, 10, percentage >= 60, true, "auto")]);
}
