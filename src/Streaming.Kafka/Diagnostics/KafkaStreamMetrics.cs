using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ProctorWise.Streaming.Kafka.Diagnostics;

/// <summary>
/// The provider's instruments (names in <see cref="KafkaStreamInstruments"/>). One instance per host container;
/// several silos in one process each have their own meter instance under the same name.
/// </summary>
internal sealed class KafkaStreamMetrics : IKafkaStreamDiagnostics, IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _produced;
    private readonly Counter<long> _produceFailures;
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _deliveryFailures;
    private readonly ConcurrentDictionary<IPartitionReader, byte> _readers = new();

    public KafkaStreamMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(KafkaStreamInstruments.MeterName) ?? new Meter(KafkaStreamInstruments.MeterName);
        _produced = _meter.CreateCounter<long>(KafkaStreamInstruments.EventsProduced, "{event}", "Events acknowledged by Kafka.");
        _produceFailures = _meter.CreateCounter<long>(KafkaStreamInstruments.ProduceFailures, "{event}", "Events Kafka refused or did not acknowledge in time.");
        _consumed = _meter.CreateCounter<long>(KafkaStreamInstruments.EventsConsumed, "{event}", "Records read from Kafka into the Orleans cache.");
        _skipped = _meter.CreateCounter<long>(KafkaStreamInstruments.RecordsSkipped, "{record}", "Records skipped because they could not be decoded.");
        _deliveryFailures = _meter.CreateCounter<long>(KafkaStreamInstruments.DeliveryFailures, "{event}", "Events Orleans gave up delivering to a subscriber.");
        _meter.CreateObservableGauge(KafkaStreamInstruments.ConsumerLag, ObserveLag, "{record}", "High watermark minus the offset stored for commit, per partition.");
        _meter.CreateObservableGauge(KafkaStreamInstruments.PartitionsOwned, ObserveOwned, "{partition}", "Partitions this host reads (Orleans queues its pulling agents own), per topic.");
    }

    public void Produced(string provider, string topic, int count) =>
        _produced.Add(count, new("provider", provider), new("topic", topic));

    public void ProduceFailed(string provider, string topic, int count) =>
        _produceFailures.Add(count, new("provider", provider), new("topic", topic));

    public void Consumed(string provider, string topic, int count) =>
        _consumed.Add(count, new("provider", provider), new("topic", topic));

    public void Skipped(string provider, string topic, string reason) =>
        _skipped.Add(1, new("provider", provider), new("topic", topic), new("reason", reason));

    public void DeliveryFailed(string provider, string topic, string kind) =>
        _deliveryFailures.Add(1, new("provider", provider), new("topic", topic), new("kind", kind));

    /// <summary>A receiver of this host started reading its partition.</summary>
    public void PartitionAssigned(IPartitionReader reader) => _readers.TryAdd(reader, 0);

    /// <summary>A receiver of this host stopped reading its partition (queue handed off or host stopping).</summary>
    public void PartitionReleased(IPartitionReader reader) => _readers.TryRemove(reader, out _);

    /// <summary>The partitions of provider <paramref name="provider"/> this host reads now, i.e. the Orleans queues it owns.</summary>
    public IReadOnlyList<(string Topic, int Partition)> OwnedPartitions(string provider) =>
        [.. _readers.Keys.Where(r => r.Provider == provider).Select(r => (r.Topic, r.Partition)).Order()];

    /// <inheritdoc />
    IReadOnlyList<KafkaOwnedPartition> IKafkaStreamDiagnostics.OwnedPartitions() =>
        [.. _readers.Keys
            .Select(r => new KafkaOwnedPartition(r.Provider, r.Topic, r.Partition, r.TryGetLag(out var lag) ? lag : null))
            .OrderBy(p => p.Provider, StringComparer.Ordinal).ThenBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition)];

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var reader in _readers.Keys)
        {
            if (reader.TryGetLag(out var lag))
            {
                yield return new Measurement<long>(lag,
                    new("provider", reader.Provider), new("topic", reader.Topic), new("partition", reader.Partition));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveOwned() =>
        _readers.Keys
            .GroupBy(r => (r.Provider, r.Topic))
            .Select(g => new Measurement<long>(g.Count(), new("provider", g.Key.Provider), new("topic", g.Key.Topic)));
}
