using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting;

/// <summary>The health endpoints every ProctorWise process serves (API and silo alike), for probes.</summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// The tag of a silo's checks of itself and what it depends on (membership, storage, streams, lake, analytics
    /// engine), which the admin platform page asks each silo for; not all of them are readiness checks.
    /// </summary>
    public const string SiloTag = "silo";

    /// <summary>Registers the health checks service and <see cref="HealthEndpointOptions"/>.</summary>
    public static IHealthChecksBuilder AddProctorWiseHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthEndpointOptions>().Bind(configuration.GetSection(HealthEndpointOptions.Section))
            .Validate(o => o.SiloReadinessTimeout > TimeSpan.Zero, $"{HealthEndpointOptions.Section}:{nameof(HealthEndpointOptions.SiloReadinessTimeout)} must be a positive time span (e.g. 00:00:10).")
            .ValidateOnStart();

        // The readiness checks also run every 30 s (the framework's default period) for the health metric.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, HealthMetricsPublisher>());
        services.Configure<HealthCheckPublisherOptions>(o => o.Predicate = c => c.Tags.Contains(ReadyTag));
        return services.AddHealthChecks();
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (runs no check, so a slow database never gets a live
    /// process restarted); <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> passes. The status
    /// code and overall status are for everyone; the check lines only when <see cref="HealthEndpointOptions.PublicDetails"/>
    /// says so or <paramref name="mayReadDetails"/> accepts the request (an API's signed-in admin).
    /// </summary>
    public static IEndpointRouteBuilder MapProctorWiseHealth(this IEndpointRouteBuilder app, Func<HttpContext, bool>? mayReadDetails = null)
    {
        var services = app.ServiceProvider;
        var publicDetails = services.GetRequiredService<IOptions<HealthEndpointOptions>>().Value.PublicDetails
            ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();
        Func<HttpContext, bool> details = publicDetails ? _ => true : mayReadDetails ?? (_ => false);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.For(details) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.For(details) });
        return app;
    }
}
