using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The admin Cluster page (issue 18): the embedded silo with its status, age and activations, the grain types, and the
/// Orleans dashboard opened from it in a new tab without the admin signing in again.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ClusterPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnAdministratorSeesTheSiloAndOpensTheDashboard()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(ApiFactory.AdminEmail);
        await page.GetByTestId("login-password").FillAsync(ApiFactory.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.GetByTestId("nav-cluster").ClickAsync();

        var silo = page.Locator("[data-testid='cluster-silo-row'][data-status='active']");
        await Assertions.Expect(silo).ToHaveCountAsync(1);
        await Assertions.Expect(silo.GetByTestId("silo-status")).ToHaveTextAsync("Active");
        await Assertions.Expect(silo.GetByTestId("silo-streams")).ToContainTextAsync("In-memory streams");
        await Assertions.Expect(silo.GetByTestId("silo-age")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(page.GetByTestId("cluster-summary")).ToContainTextAsync("1 active silo");
        await Assertions.Expect(page.Locator("[data-testid='cluster-activation-row']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cluster-attention")).ToHaveCountAsync(0);
        await fixture.ScreenshotAsync(page, "admin-cluster");

        // The dashboard's own data requests (it polls the cluster) succeed with nothing but the cookie the page set.
        var answers = new System.Collections.Concurrent.ConcurrentQueue<(string Url, int Status, string Type)>();
        page.Context.Response += (_, r) =>
        {
            if (r.Url.Contains("/dashboard/", StringComparison.Ordinal))
            {
                answers.Enqueue((r.Url, r.Status, r.Request.ResourceType));
            }
        };
        var dashboard = await page.Context.RunAndWaitForPageAsync(() => page.GetByTestId("open-dashboard").ClickAsync());
        // The tab opens blank at the click and moves to the dashboard once the cookie is set: poll its address (no
        // navigation event to miss), with room for a loaded machine.
        await Assertions.Expect(dashboard).ToHaveURLAsync(new Regex("/dashboard/"), new() { Timeout = 45_000 });
        await Assertions.Expect(dashboard).ToHaveTitleAsync("Orleans Dashboard", new() { Timeout = 45_000 });
        await Eventually.UntilAsync(
            () => Task.FromResult(answers.ToArray()),
            a => a.Any(x => x.Type is "fetch" or "xhr" && x.Status == 200),
            "a data request of the dashboard answered 200",
            describe: a => string.Join(", ", a.Select(x => $"{x.Type} {x.Status} {x.Url}")));
        Assert.DoesNotContain(answers, a => a.Status is 401 or 403);
        await fixture.ScreenshotAsync(dashboard, "orleans-dashboard");
    }
}
