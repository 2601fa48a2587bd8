namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// Names of the meter and instruments the provider publishes through <c>System.Diagnostics.Metrics</c>.
/// Every measurement carries the tags <c>provider</c> (stream provider name) and <c>topic</c>.
/// </summary>
public static class KafkaStreamInstruments
{
    /// <summary>The meter name to subscribe to (OpenTelemetry <c>AddMeter</c>, <c>dotnet-counters</c>).</summary>
    public const string MeterName = "ProctorWise.Streaming.Kafka";

    /// <summary>Counter: events acknowledged by Kafka (acks=all).</summary>
    public const string EventsProduced = "proctorwise.streaming.kafka.events.produced";

    /// <summary>Counter: events Kafka refused or did not acknowledge in time; the publisher got an exception.</summary>
    public const string ProduceFailures = "proctorwise.streaming.kafka.produce.failures";

    /// <summary>Counter: records read from Kafka and handed to the Orleans cache.</summary>
    public const string EventsConsumed = "proctorwise.streaming.kafka.events.consumed";

    /// <summary>Counter: records that could not be turned into events (unknown type, bad JSON) and were skipped. Tag <c>reason</c>.</summary>
    public const string RecordsSkipped = "proctorwise.streaming.kafka.records.skipped";

    /// <summary>Counter: events Orleans gave up delivering to a subscriber after its retries. Tag <c>kind</c> = delivery | subscription.</summary>
    public const string DeliveryFailures = "proctorwise.streaming.kafka.delivery.failures";

    /// <summary>Observable gauge: per partition (tag <c>partition</c>), high watermark minus the offset stored for commit.</summary>
    public const string ConsumerLag = "proctorwise.streaming.kafka.consumer.lag";

    /// <summary>
    /// Observable gauge: per topic, how many of its partitions this host reads, i.e. how many Orleans queues its
    /// pulling agents own. Summed over the silos it equals the partition count; it moves when silos join, leave or die.
    /// </summary>
    public const string PartitionsOwned = "proctorwise.streaming.kafka.partitions.owned";
}
