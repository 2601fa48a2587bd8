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
}
