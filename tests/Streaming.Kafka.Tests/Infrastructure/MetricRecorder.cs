using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ProctorWise.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Records the long measurements of one instrument of the provider's meter (all silos in this process).</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, Dictionary<string, object?> Tags, Meter Meter)> _measurements = new();

    public MetricRecorder(string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamInstruments.MeterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measurements.Enqueue((value, copy, instrument.Meter));
        });
        _listener.Start();
    }

    /// <summary>Sum of the measurements whose <c>topic</c> tag is <paramref name="topic"/>.</summary>
    public long Sum(string topic) =>
        _measurements.Where(m => m.Tags.TryGetValue("topic", out var t) && (string?)t == topic).Sum(m => m.Value);

    /// <summary>Sum of the measurements whose <c>topic</c> tag is <paramref name="topic"/> and tag <paramref name="tag"/> is <paramref name="value"/>.</summary>
    public long Sum(string topic, string tag, object value) =>
        _measurements.Where(m => m.Tags.TryGetValue("topic", out var t) && (string?)t == topic && m.Tags.TryGetValue(tag, out var v) && Equals(v, value)).Sum(m => m.Value);

    /// <summary>Forgets what was recorded so far (before observing gauges afresh).</summary>
    public void Clear() => _measurements.Clear();

    /// <summary>Polls observable instruments (gauges) now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The measurements recorded so far, with the meter instance (one per silo or client) that took each.</summary>
    public IReadOnlyList<(long Value, Dictionary<string, object?> Tags, Meter Meter)> All => [.. _measurements];

    public void Dispose() => _listener.Dispose();
}
