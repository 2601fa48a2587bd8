using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// The silo's checks (tag <see cref="HealthEndpoints.SiloTag"/>) run through the health check service, so the platform page shows
/// exactly what the checks say; a co-hosted API's own checks carry no such tag and are not repeated here.
/// </summary>
internal sealed class SiloReadiness(HealthCheckService health) : ISiloReadiness
{
    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(HealthEndpoints.SiloTag), cancellationToken);
        return [.. report.Entries.Select(e => new ReadinessCheck(e.Key, e.Value.Status.ToString(), Describe(e.Value)))];
    }

    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is { } e && entry.Description is { } description ? $"{description} ({e.Message})" : entry.Description ?? entry.Exception?.Message;
}
