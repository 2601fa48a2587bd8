namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// Names of the Kafka record headers the provider writes and reads. Services outside Orleans use them to
/// read the records and to write records that Orleans subscribers receive.
/// </summary>
public static class KafkaStreamHeaders
{
    /// <summary>The Orleans stream namespace (UTF-8). Informational: the topic decides the namespace.</summary>
    public const string Namespace = "stream-namespace";

    /// <summary>The stable alias of the event type (UTF-8), as registered in <see cref="KafkaStreamOptions.EventTypes"/>.</summary>
    public const string EventType = "event-type";

    /// <summary>The event id (UTF-8) consumers deduplicate on; generated when a producer leaves it out.</summary>
    public const string EventId = "event-id";

    /// <summary>The media type of the value (UTF-8), always <see cref="JsonContentType"/>.</summary>
    public const string ContentType = "content-type";

    /// <summary>The only value format: UTF-8 JSON.</summary>
    public const string JsonContentType = "application/json";
}
