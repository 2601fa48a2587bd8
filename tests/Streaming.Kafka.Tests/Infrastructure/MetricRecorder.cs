using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ProctorWise.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Records the long measurements of one instrument of the provider's meter (all silos in this process).</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MetricRecorder(string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamInstruments.MeterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measurements.Enqueue((value, copy));
        });
        _listener.Start();
    }

    /// <summary>Sum of the measurements whose <c>topic</c> tag is <paramref name="topic"/>.</summary>
    public long Sum(string topic) =>
        _measurements.Where(m => m.Tags.TryGetValue("topic", out var t) && (string?)t == topic).Sum(m => m.Value);

    /// <summary>Polls observable instruments (gauges) now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The latest observed measurements.</summary>
    public IReadOnlyList<(long Value, Dictionary<string, object?> Tags)> All => [.. _measurements];

    public void Dispose() => _listener.Dispose();
}
