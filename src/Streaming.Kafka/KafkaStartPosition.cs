namespace ProctorWise.Streaming.Kafka;

/// <summary>Where a partition is read from when the consumer group has no committed offset for it.</summary>
public enum KafkaStartPosition
{
    /// <summary>The oldest record the topic still retains (Kafka <c>auto.offset.reset=earliest</c>).</summary>
    Earliest = 0,

    /// <summary>Only records produced after the partition was first assigned (Kafka <c>auto.offset.reset=latest</c>).</summary>
    Latest = 1,
}
