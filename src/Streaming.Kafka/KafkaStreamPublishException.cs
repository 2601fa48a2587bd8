namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// Thrown to the publisher (the grain's or client's <c>OnNextAsync</c>) when Kafka refused an event or did not
/// acknowledge it within <see cref="KafkaStreamOptions.ProduceTimeout"/>. The event may or may not be stored:
/// publishers retry, and consumers deduplicate by event id.
/// </summary>
[GenerateSerializer, Alias("proctorwise.streaming.kafka.publish-exception")]
public sealed class KafkaStreamPublishException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public KafkaStreamPublishException()
        : base("Kafka did not acknowledge the event.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public KafkaStreamPublishException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public KafkaStreamPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The topic the event was written to.</summary>
    [Id(0)]
    public string? Topic { get; init; }

    /// <summary>The partition the event was written to.</summary>
    [Id(1)]
    public int? Partition { get; init; }

    /// <summary>The Kafka error code (for example <c>Local_MsgTimedOut</c>).</summary>
    [Id(2)]
    public string? ErrorCode { get; init; }
}
