using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Ready when this silo, as its own membership view sees it, is Active: joining, shutting down or declared
/// dead is not ready. Each silo answers for itself, so one silo's trouble never flips the others' probes.
/// </summary>
internal sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local, IOptions<HostingOptions> hosting) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {local.SiloAddress} is Active in membership (version {snapshot.Version}; {Table}).")
            : HealthCheckResult.Unhealthy($"Silo {local.SiloAddress} is {status} in membership, not Active ({Table})."));
    }

    private string Table => hosting.Value.Storage == StorageProvider.MariaDb ? "membership table in MariaDB" : "localhost clustering, in memory (embedded mode)";
}
