using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The API reference page (issue 17) renders with nothing from another host (no fonts, no scripts, no telemetry) and
/// without Scalar's hosted-service buttons ("Ask AI", "Deploy").
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ApiReferenceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheReferenceRendersOfflineWithoutThirdPartyButtons()
    {
        var page = await fixture.NewPageAsync();
        var elsewhere = new List<string>();
        // Anything not served by this host is refused, as it would be on a school network without internet.
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host is "127.0.0.1" or "localhost")
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (elsewhere)
                {
                    elsewhere.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });

        await page.GotoAsync("/scalar/v1");

        await Assertions.Expect(page.GetByText("/api/auth/login").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Ask AI")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Deploy", new() { Exact = true })).ToHaveCountAsync(0);
        Assert.Empty(elsewhere);
        await fixture.ScreenshotAsync(page, "api-reference");
    }
}
