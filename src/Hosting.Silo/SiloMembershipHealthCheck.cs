using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Ready when this silo, as its own membership view sees it, is Active: joining, shutting down or declared
/// dead is not ready. Each silo answers for itself, so one silo's trouble never flips the others' probes.
/// </summary>
internal sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {local.SiloAddress} is Active in membership (version {snapshot.Version}).")
            : HealthCheckResult.Unhealthy($"Silo {local.SiloAddress} is {status} in membership, not Active."));
    }
}
