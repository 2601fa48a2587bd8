using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// A host that is stopping takes no new hub connection. From the stop signal until the web server stops listening,
/// a negotiate or connect request to <c>/hubs</c> is answered 503 (with <c>Retry-After</c>), so the client's retry
/// lands on another host instead of joining one that is about to close it; readiness turns unhealthy in the same
/// moment, so the load balancer stops sending new clients. SignalR closes the connections the host has when the stop
/// begins, and their clients reconnect (through the balancer, to another host) and resynchronise.
/// </summary>
internal static class HubDrain
{
    /// <summary>The readiness check's name.</summary>
    public const string CheckName = "draining";

    /// <summary>Refuses new hub requests once the application is stopping.</summary>
    public static WebApplication UseHubDrain(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase),
            hubs => hubs.Use((context, next) =>
            {
                if (!stopping.IsCancellationRequested)
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }));
        return app;
    }

    /// <summary>Unhealthy once the application is stopping (a readiness check; liveness is unaffected).</summary>
    internal sealed class HealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("This host is stopping: it takes no new hub connection.")
                : HealthCheckResult.Healthy("Taking connections."));
    }
}
