using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.WebApi.Hosting;

/// <summary>Ready when a grain call round-trips through the cluster and its storage.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var users = await grains.GetGrain<IUserDirectoryGrain>(SingletonKeys.Default).CountAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"Cluster and grain storage answer ({users} users).");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster or its storage does not answer.", e);
        }
    }
}
