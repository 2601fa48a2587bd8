namespace ProctorWise.Grains.Interfaces.Cluster;

/// <summary>A Kafka partition (an Orleans stream queue) that a silo reads now.</summary>
/// <param name="Provider">The stream provider.</param>
/// <param name="Topic">The topic (one per stream namespace).</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Lag">High watermark minus the offset stored for commit, or null before the first fetch told it.</param>
[GenerateSerializer, Immutable, Alias("pw.stream-partition-view")]
public sealed record class StreamPartitionView(string Provider, string Topic, int Partition, long? Lag);
