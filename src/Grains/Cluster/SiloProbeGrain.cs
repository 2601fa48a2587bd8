using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Cluster;

/// <summary>Answers for the silo it lives on (see <see cref="ISiloProbeGrain"/>); holds no state.</summary>
[SiloKeyedPlacement]
public sealed class SiloProbeGrain(IServiceProvider services, [FromKeyedServices(DomainClock.Key)] TimeProvider time, ILocalSiloDetails local) : Grain, ISiloProbeGrain
{
    /// <inheritdoc />
    public Task<SiloReport> ReportAsync()
    {
        var here = local.SiloAddress.ToParsableString();
        var requested = this.GetPrimaryKeyString();
        var streams = services.GetService<IStreamQueueDiagnostics>();
        var report = new SiloReport(
            here,
            string.Equals(here, requested, StringComparison.Ordinal),
            streams?.Transport ?? "memory",
            streams?.OwnedPartitions() ?? [],
            time.GetUtcNow());

        // A probe on the wrong silo must not stay there answering for the silo it was asked about.
        if (!report.OnRequestedSilo)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(report);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReadinessCheck>> CheckReadinessAsync()
    {
        // A silo host always registers its checks; a silo without them (a bare test cluster) says so rather than pass.
        var readiness = services.GetService<ISiloReadiness>();
        return readiness is null
            ? [new ReadinessCheck("readiness", "Unhealthy", "This silo registers no readiness checks.")]
            : await readiness.CheckAsync(CancellationToken.None);
    }
}
