namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>The Kafka partition behind one Orleans queue.</summary>
/// <param name="Namespace">The stream namespace of the topic.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
internal sealed record KafkaPartitionInfo(string Namespace, string Topic, int Partition);
