using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The proctor's room report (issue 15) in the real browser: reached from the rooms list, it shows the student's
/// anomaly with its reason, the risk chart with as many points as the API's risk over time and its table view,
/// the actions taken; it passes axe in the light and in the dark scheme and fits 1280 px and a phone; a proctor of
/// another room gets a 403 page, not a blank one.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RoomReportPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheRoomsProctorReadsEachStudentsAnomaliesRiskChartAndActions()
    {
        var app = fixture.App;
        var s = await ProctoredRoom.ArrangeAsync(app, studentName: "Rhea Report");
        var id = s.Session.Id;
        await Expect.Status(HttpStatusCode.Accepted, await s.Student.PostAsync($"/api/sessions/{id}/events", new { type = "tab_hidden", occurredAt = app.Clock.GetUtcNow(), seq = 1 }));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Expect.Status(HttpStatusCode.Accepted, await s.First.PostAsync($"/api/sessions/{id}/warnings", new { message = "Come back to the exam tab." }));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect.Status(HttpStatusCode.OK, await s.First.PostAsync($"/api/sessions/{id}/terminate", new { reason = "Stayed away from the exam." }));
        // Ended, so nothing changes between the API's read and the page's.
        var expected = Assert.Single((await s.First.GetAsync<RoomReport>($"/api/proctor/rooms/{s.SlotId}/report")).Students);

        var page = await fixture.NewPageAsync();
        await SignIn.AsAsync(page, s.First.User!.Email);
        await page.GotoAsync("/proctor/rooms");
        await page.Locator($"[data-testid='room-row'][data-slot-id='{s.SlotId}']").GetByTestId("open-room-report").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/proctor/rooms/{s.SlotId}/report$"));

        var student = page.GetByTestId("report-student");
        await Assertions.Expect(student).ToHaveCountAsync(1);
        await Assertions.Expect(student.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Rhea Report");
        await Assertions.Expect(student.GetByTestId("report-status")).ToHaveTextAsync("Terminated");
        await Assertions.Expect(student.GetByTestId("report-anomaly")).ToHaveCountAsync(expected.Anomalies.Count);
        await Assertions.Expect(student.Locator($"[data-testid='report-anomaly'][data-anomaly-id='{expected.Anomalies.Single(a => a.Type == AnomalyType.TabHidden).Id}']"))
            .ToContainTextAsync("Left the exam tab");

        var points = expected.RiskOverTime.Count.ToString(CultureInfo.InvariantCulture);
        var chart = student.GetByTestId("risk-chart");
        await Assertions.Expect(chart.Locator("canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", points);
        var rows = student.GetByTestId("risk-chart-table").GetByTestId("chart-row");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.RiskOverTime.Count);
        await Assertions.Expect(rows.Last.Locator("td")).ToHaveTextAsync(expected.RiskScore.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(student.GetByTestId("report-peak-risk")).ToHaveTextAsync(expected.PeakRisk.ToString(CultureInfo.InvariantCulture));

        var actions = student.GetByTestId("report-action");
        await Assertions.Expect(actions).ToHaveCountAsync(2);
        await Assertions.Expect(actions.Nth(0)).ToHaveAttributeAsync("data-kind", "warning");
        await Assertions.Expect(actions.Nth(0).GetByTestId("report-action-text")).ToHaveTextAsync("Come back to the exam tab.");
        await Assertions.Expect(actions.Nth(0)).ToContainTextAsync(s.First.User!.Name);
        await Assertions.Expect(actions.Nth(1)).ToHaveAttributeAsync("data-kind", "termination");
        await Assertions.Expect(page.GetByTestId("kpi-warnings").GetByTestId("kpi-value")).ToHaveTextAsync("1");

        // The table view of the chart opens on demand; the page passes axe with it open.
        await student.GetByTestId("risk-chart-toggle").ClickAsync();
        await Assertions.Expect(student.GetByTestId("risk-chart-table")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "proctor-room-report");

        // The page fits a desktop's width and a phone's, the student's card, chart and actions inside the window.
        string[] content = ["[data-testid='report-student']", "figure.chart", "[data-testid='report-action']"];
        await Appearance.AssertFitsAsync(fixture, page, 1280, 900, "proctor-room-report-1280", content);
        await Appearance.AssertFitsAsync(fixture, page, 390, 844, "proctor-room-report-phone", content);
        await page.SetViewportSizeAsync(1280, 900);

        // Switched to the dark scheme, the open page takes the dark theme and the chart redraws with light labels
        // (there are none in the light theme), and it still passes axe.
        Assert.Equal([0], await Appearance.ChartLightPixelsAsync(page, 1));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Appearance.AssertDarkThemeAsync(page);
        await Appearance.AssertChartsDrawnForDarkAsync(page, 1);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "proctor-room-report-dark");

        var outsider = await fixture.NewPageAsync();
        await SignIn.AsAsync(outsider, s.Outsider.User!.Email);
        await outsider.GotoAsync($"/proctor/rooms/{s.SlotId}/report");
        await Assertions.Expect(outsider.GetByTestId("room-report-denied")).ToBeVisibleAsync();
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Access denied (403)");
        await Assertions.Expect(outsider.GetByTestId("report-student")).ToHaveCountAsync(0);
    }
}
