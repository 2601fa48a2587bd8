using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Hosting.Silo;

/// <summary>The analytics engine answers: DuckDB opens an in-memory database, or the Spark Connect server gives its version.</summary>
internal sealed class AnalyticsEngineHealthCheck(IAnalyticsEngineProbe engine) : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return HealthCheckResult.Healthy(await engine.ProbeAsync(cancellationToken).WaitAsync(s_timeout, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the driver throws (a refused socket, a gRPC status, an engine error) the grid shows under the
            // engine's name; only the caller giving up ends the check.
            return new HealthCheckResult(context.Registration.FailureStatus, $"{engine.Name} does not answer", e);
        }
    }
}
