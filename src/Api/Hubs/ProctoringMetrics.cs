using System.Diagnostics.Metrics;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// Alerts pushed to the dashboards of this host (<see cref="Instruments.AlertsDelivered"/>) and how long after the anomaly
/// was raised (<see cref="Instruments.AlertDeliveryDuration"/>). Every host receives every batch; only the host where
/// the proctor has a connection counts it, so the sum over hosts is what proctors received.
/// </summary>
internal sealed class ProctoringMetrics
{
    // Seconds: a healthy cluster delivers within a second; the upper buckets show a slow or reorganising one.
    private static readonly double[] s_buckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _delay;
    private readonly TimeProvider _time;

    public ProctoringMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(Instruments.ProctoringMeter);
        _delivered = meter.CreateCounter<long>(Instruments.AlertsDelivered, "{alert}", "Alerts pushed to a proctor's dashboards on this host.");
        _delay = meter.CreateHistogram(
            Instruments.AlertDeliveryDuration, "s", "From the anomaly being raised to the push to the proctor's dashboards.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_buckets });
    }

    public void Delivered(ProctorAlert alert)
    {
        _delivered.Add(1);
        _delay.Record(Math.Max(0, (_time.GetUtcNow() - alert.OccurredAt).TotalSeconds));
    }
}
