using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProctorWise.Hosting;

/// <summary>Metrics with OpenTelemetry, shared by the silo executable and the API processes.</summary>
public static class TelemetryExtensions
{
    /// <summary>Where the Prometheus exporter serves its text.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Orleans' own meter (messaging, activations, membership, storage, …).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Every meter of this project (the Kafka provider's, and any added later under the same prefix).</summary>
    public const string ProjectMeters = "ProctorWise.*";

    /// <summary>Orleans' activity sources (grain calls: <c>Microsoft.Orleans.Application</c>; runtime, storage, lifecycle).</summary>
    public const string OrleansActivitySources = "Microsoft.Orleans.*";

    /// <summary>Activity sources of this project, present and future.</summary>
    public const string ProjectActivitySources = "ProctorWise.*";

    /// <summary>
    /// Collects Orleans', ASP.NET Core's, the .NET runtime's and the project's meters and exports them as
    /// <see cref="TelemetryOptions.Exporter"/> says. Reads <see cref="TelemetryOptions"/> once per builder.
    /// </summary>
    public static TelemetryOptions AddProctorWiseTelemetry(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(TelemetryOptions), out var existing))
        {
            return (TelemetryOptions)existing;
        }

        var options = TelemetryOptions.From(builder.Configuration);
        builder.Properties[typeof(TelemetryOptions)] = options;
        builder.Services.AddSingleton(Options.Create(options));
        if (options.Exporter == TelemetryExporter.None)
        {
            return options;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName));
        if (options.TracesEnabled)
        {
            // Traces have no pull endpoint: they are pushed with OTLP, next to the metrics. A request's span and the
            // grain calls it makes share one trace because silos and clients propagate activities (TracesEnabled).
            telemetry.WithTracing(tracing => tracing
                .AddSource(OrleansActivitySources, ProjectActivitySources)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }

        telemetry
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrleansMeter, ProjectMeters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (options.Exporter == TelemetryExporter.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                else
                {
                    // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* variables.
                    metrics.AddOtlpExporter();
                }
            });
        return options;
    }

    /// <summary>Serves <see cref="MetricsPath"/> when metrics are exported as Prometheus text; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapProctorWiseMetrics(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetService<IOptions<TelemetryOptions>>()?.Value
            ?? throw new InvalidOperationException($"Call {nameof(AddProctorWiseTelemetry)} before {nameof(MapProctorWiseMetrics)}.");
        if (options.Exporter == TelemetryExporter.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return app;
    }
}
