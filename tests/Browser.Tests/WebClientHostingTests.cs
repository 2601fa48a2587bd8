using System.Net;
using ProctorWise.Browser.Tests.Infrastructure;
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
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
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
