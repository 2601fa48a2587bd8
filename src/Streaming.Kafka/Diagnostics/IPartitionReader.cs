namespace ProctorWise.Streaming.Kafka.Diagnostics;

/// <summary>
/// A partition this host reads (a receiver between its start and its shutdown): counted by the
/// <see cref="KafkaStreamInstruments.PartitionsOwned"/> gauge and measured by the lag gauge.
/// </summary>
internal interface IPartitionReader
{
    string Provider { get; }

    string Topic { get; }

    int Partition { get; }

    /// <summary>Reads the lag without a network call (from the watermarks librdkafka caches while fetching).</summary>
    bool TryGetLag(out long lag);
}
