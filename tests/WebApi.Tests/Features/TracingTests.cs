using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// With <c>Telemetry:Exporter=otlp</c> the API traces: a request's ASP.NET Core span and the grain calls it makes are
/// one trace (activity propagation on clients and silos). Spans are read by a processor added beside the OTLP exporter,
/// which points at a closed port here: nothing else is needed for the trace to be built.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly TracingApiFactory _factory = new();

    public ValueTask InitializeAsync() => _factory.InitializeAsync();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task ARequestAndTheGrainCallsItMakesAreOneTrace()
    {
        var admin = await _factory.AdminAsync();
        await Expect.Status(HttpStatusCode.OK, await admin.GetRawAsync("/api/users/me"));

        var spans = await Eventually.UntilAsync(
            () => Task.FromResult(_factory.Spans.ToArray()),
            all => all.Any(s => IsRequest(s, "/api/users/me") && all.Any(g => IsGrainCall(g) && g.TraceId == s.TraceId)),
            "the request's span and a grain call in its trace",
            describe: all => string.Join(", ", all.Select(s => $"{s.Source.Name}:{s.DisplayName}")));
        var request = spans.First(s => IsRequest(s, "/api/users/me") && spans.Any(g => IsGrainCall(g) && g.TraceId == s.TraceId));
        var calls = spans.Where(g => IsGrainCall(g) && g.TraceId == request.TraceId).ToList();
        Assert.Contains(calls, c => c.DisplayName.Contains("UserGrain", StringComparison.OrdinalIgnoreCase));
        Assert.All(calls, c => Assert.NotEqual(default, c.ParentSpanId));
    }

    private static bool IsRequest(Activity span, string path) =>
        span.Source.Name == "Microsoft.AspNetCore" && span.GetTagItem("url.path") as string == path;

    private static bool IsGrainCall(Activity span) => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);

    private sealed class TracingApiFactory : ApiFactory
    {
        public ConcurrentQueue<Activity> Spans { get; } = new();

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Telemetry:Exporter"] = "otlp";
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
            return settings;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new Collector(Spans))));
        }
    }

    private sealed class Collector(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
