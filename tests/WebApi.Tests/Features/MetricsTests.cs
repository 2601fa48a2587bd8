using System.Net;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>The API serves Prometheus metrics: ASP.NET Core's request durations, Orleans' and the runtime's instruments.</summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsTests(ApiFactory factory)
{
    [Fact]
    public async Task MetricsAreServedAsPrometheusTextWithAspNetCoreOrleansAndRuntimeInstruments()
    {
        var client = factory.Anonymous();
        await Expect.Status(HttpStatusCode.OK, await client.GetRawAsync("/health/live"));

        // A request's duration is recorded once its response has ended, which the client may see first:
        // scrape again until the request above shows (bounded by the test's cancellation, not a timer).
        string metrics;
        do
        {
            var response = await client.GetRawAsync("/metrics");
            await Expect.Status(HttpStatusCode.OK, response);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            metrics = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        while (!metrics.Contains("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && await Pause());

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/health/live\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\norleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_", metrics, StringComparison.Ordinal);
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(200, TestContext.Current.CancellationToken);
        return true;
    }
}
