using Microsoft.Extensions.Logging;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka.Diagnostics;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// Reports events Orleans gave up delivering (after <c>StreamPullingAgentOptions.MaxEventDeliveryTime</c> of
/// retries): an error log naming the partition and token (the record stays in Kafka at that offset) and the
/// <see cref="KafkaStreamInstruments.DeliveryFailures"/> counter. Nothing is dropped without a report.
/// </summary>
internal sealed class KafkaStreamFailureHandler(
    string providerName,
    KafkaPartitionInfo partition,
    bool faultSubscriptionOnError,
    KafkaStreamMetrics metrics,
    ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => faultSubscriptionOnError;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        Report(subscriptionId, streamIdentity, sequenceToken, "delivery");

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken) =>
        Report(subscriptionId, streamIdentity, sequenceToken, "subscription");

    private Task Report(GuidId subscriptionId, StreamId streamId, StreamSequenceToken? token, string kind)
    {
        logger.DeliveryFailed(providerName, partition.Topic, partition.Partition, token, streamId, subscriptionId, kind);
        metrics.DeliveryFailed(providerName, partition.Topic, kind);
        return Task.CompletedTask;
    }
}
