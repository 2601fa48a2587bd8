using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using ProctorWise.Grains.Health;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Ready when this silo's own grain storage provider answers a read (a query to MariaDB in production).
/// The read goes straight to the provider, not through a grain that lives on some other silo, and it reads
/// a key of its own that is never written: probes add no rows and contend on none.
/// </summary>
internal sealed class SiloStorageHealthCheck(IServiceProvider services, ILocalSiloDetails local, IOptions<HostingOptions> hosting) : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var key = GrainId.Create("silo-health-probe", local.SiloAddress.Endpoint.ToString());
        var started = Stopwatch.GetTimestamp();
        try
        {
            await storage.ReadStateAsync(StateNames.HealthProbe, key, new GrainState<HealthProbeState>(new HealthProbeState())).WaitAsync(s_timeout, cancellationToken);
            return HealthCheckResult.Healthy($"{Provider} answers (read in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms).");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy($"This silo's grain storage ({Provider}) does not answer.", e);
        }
    }

    /// <summary>Says which store answered: memory storage must not pass for MariaDB on the platform page.</summary>
    private string Provider => hosting.Value.Storage == StorageProvider.MariaDb ? "MariaDB" : "in memory (embedded mode, lost on restart)";
}
