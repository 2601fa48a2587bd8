using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Grains.Interfaces.Health;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Api.Hosting;

/// <summary>
/// Ready when a grain call round-trips through the cluster and a write and a read reach grain storage
/// (MariaDB in production): an answering silo with a dead database is not ready.
/// </summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var took = await grains.GetGrain<IHealthProbeGrain>(SingletonKeys.Default).ProbeStorageAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"Cluster and grain storage answer (write and read in {took.TotalMilliseconds:0} ms).");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster or its grain storage does not answer.", e);
        }
    }
}
