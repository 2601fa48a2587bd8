namespace ProctorWise.Streaming.Kafka;

/// <summary>A partition this host reads now (an Orleans queue its pulling agents own).</summary>
/// <param name="Provider">The stream provider's name.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Lag">High watermark minus the offset stored for commit; null until librdkafka has fetched the watermark.</param>
public sealed record KafkaOwnedPartition(string Provider, string Topic, int Partition, long? Lag);

/// <summary>What the provider knows about this host's consumption, without a network call (for status pages).</summary>
public interface IKafkaStreamDiagnostics
{
    /// <summary>The partitions this host reads now, every provider, ordered by provider, topic and partition.</summary>
    IReadOnlyList<KafkaOwnedPartition> OwnedPartitions();
}
