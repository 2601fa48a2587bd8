using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Hosting;

/// <summary>
/// The readiness checks as a metric (<see cref="Instruments.HealthStatus"/>: 1 healthy, 0 not, per check), from the
/// periodic run of the health check publisher, so that an alert can say which check of which process failed without
/// scraping <c>/health/ready</c>. The gauge reports nothing until the first run.
/// </summary>
internal sealed class HealthMetricsPublisher : IHealthCheckPublisher
{
    private HealthReport? _last;

    public HealthMetricsPublisher(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Instruments.HealthMeter);
        meter.CreateObservableGauge(Instruments.HealthStatus, Observe, unit: null, "Readiness per check: 1 healthy, 0 degraded or unhealthy.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _last, report);
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        var report = Volatile.Read(ref _last);
        if (report is null)
        {
            yield break;
        }

        foreach (var (name, entry) in report.Entries)
        {
            yield return new Measurement<int>(entry.Status == HealthStatus.Healthy ? 1 : 0, new KeyValuePair<string, object?>("check", name));
        }
    }
}
