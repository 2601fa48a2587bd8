using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace ProctorWise.Hosting;

/// <summary>The health endpoints every ProctorWise process serves (API and silo alike), for probes.</summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/health/live</c>: the process answers (runs no check, so a slow database never gets a live
    /// process restarted); <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/> passes.
    /// </summary>
    public static IEndpointRouteBuilder MapProctorWiseHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }
}
