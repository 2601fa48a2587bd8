using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The SPA fallback with the client built: browser routes get index.html, unknown paths under the server's
/// own prefixes get a 404 problem (a typo in a hub or health URL must not look like a working page).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WebClientHostingTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/hubs/no-such-hub")]
    [InlineData("/hubs/no-such-hub/negotiate")]
    [InlineData("/health/no-such-check")]
    [InlineData("/openapi/no-such-document")]
    [InlineData("/scalar/no/such/page")]
    public async Task UnknownServerPathsAreProblemsNotThePage(string path)
    {
        var response = await fixture.App.Anonymous().GetRawAsync(path);
        var problem = await Expect.Problem(HttpStatusCode.NotFound, response);
        Assert.Equal("Not found.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/teacher/exams")]
    [InlineData("/proctor/rooms/some-slot")]
    [InlineData("/apis-are-not-api")]
    public async Task BrowserRoutesGetTheClient(string path)
    {
        var response = await fixture.App.Anonymous().GetRawAsync(path);
        await Expect.Status(HttpStatusCode.OK, response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Expect.SecurityHeaders(response);
    }

    [Fact]
    public async Task StaticFilesCarryTheSecurityHeaders()
    {
        var client = fixture.App.Anonymous();
        var index = await client.GetStringAsync("/");
        var script = Regex.Match(index, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        foreach (var path in new[] { "/favicon.svg", script })
        {
            var response = await client.GetRawAsync(path);
            await Expect.Status(HttpStatusCode.OK, response);
            Expect.SecurityHeaders(response);
        }
    }

    [Fact]
    public async Task TheProctorHubConnectsOverAWebSocketUnderThePolicy()
    {
        // connect-src 'self' must still admit the page's own ws: origin, or SignalR silently falls back to
        // slower transports: the browser reports a refused connection as a console error.
        var proctor = (await (await fixture.App.AdminAsync()).NewUserAsync(UserRole.Proctor)).User!;
        var page = await fixture.NewPageAsync();
        var refused = new List<string>();
        var sockets = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(proctor.Email);
        await page.GetByTestId("login-password").FillAsync("password-123");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
        await page.GotoAsync("/proctor/rooms/" + Guid.NewGuid().ToString("N"));
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");

        Assert.Contains(sockets, url => url.StartsWith("ws://", StringComparison.Ordinal) && url.Contains("/hubs/proctor", StringComparison.Ordinal));
        Assert.Empty(refused);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RealServerEndpointsStillAnswer()
    {
        var client = fixture.App.Anonymous();
        await Expect.Status(HttpStatusCode.OK, await client.GetRawAsync("/health/live"));
        await Expect.Status(HttpStatusCode.OK, await client.GetRawAsync("/openapi/v1.json"));
        await Expect.Status(HttpStatusCode.OK, await client.GetRawAsync("/api/time"));
    }
}
