using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Cluster;

/// <summary>Answers for the silo it lives on (see <see cref="ISiloProbeGrain"/>); holds no state.</summary>
/// <remarks>Reentrant, as it holds nothing: a slow check must not queue the next grid's call behind it.</remarks>
[SiloKeyedPlacement]
[Reentrant]
public sealed class SiloProbeGrain(IServiceProvider services, [FromKeyedServices(DomainClock.Key)] TimeProvider time, ILocalSiloDetails local) : Grain, ISiloProbeGrain
{
    private const int ChecksTimeoutSeconds = 8;
    private static readonly TimeSpan s_checksTimeout = TimeSpan.FromSeconds(ChecksTimeoutSeconds);

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
        if (readiness is null)
        {
            return [new ReadinessCheck("readiness", "Unhealthy", "This silo registers no readiness checks.")];
        }

        // Each check has its own timeout (5 s at most); this bounds them all, even one that ignores its token, so
        // the call ends on the silo too and not only for the caller, who stops waiting after Health:SiloReadinessTimeout.
        using var cancellation = new CancellationTokenSource(s_checksTimeout);
        try
        {
            return await readiness.CheckAsync(cancellation.Token).WaitAsync(s_checksTimeout);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            return [new ReadinessCheck("readiness", "Unhealthy", $"The silo's checks did not finish within {ChecksTimeoutSeconds} s.")];
        }
    }
}
