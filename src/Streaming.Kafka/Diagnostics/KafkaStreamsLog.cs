using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace ProctorWise.Streaming.Kafka.Diagnostics;

/// <summary>Source-generated log messages of the provider (event ids 41000–41099).</summary>
internal static partial class KafkaStreamsLog
{
    [LoggerMessage(41000, LogLevel.Error, "Kafka stream provider {Provider}: producing {Count} event(s) of stream {StreamId} to {Topic}[{Partition}] failed with {ErrorCode}: {Reason}")]
    public static partial void ProduceFailed(this ILogger logger, string provider, int count, StreamId streamId, string topic, int partition, ErrorCode errorCode, string reason, Exception exception);

    [LoggerMessage(41001, LogLevel.Error, "Kafka stream provider {Provider}: skipped record {Topic}[{Partition}]@{Offset} (event id {EventId}): {Reason}")]
    public static partial void RecordSkipped(this ILogger logger, string provider, string topic, int partition, long offset, string? eventId, string reason, Exception? exception);

    [LoggerMessage(41002, LogLevel.Error, "Kafka stream provider {Provider}: delivery of the event at {Topic}[{Partition}] token {Token} on stream {StreamId} to subscription {SubscriptionId} failed after all retries ({Kind}); the record stays in Kafka at that offset")]
    public static partial void DeliveryFailed(this ILogger logger, string provider, string topic, int partition, StreamSequenceToken? token, StreamId streamId, GuidId subscriptionId, string kind);

    [LoggerMessage(41003, LogLevel.Information, "Kafka stream provider {Provider}: reading {Topic}[{Partition}] as group {GroupId} from the committed offset (else {StartPosition})")]
    public static partial void PartitionAssigned(this ILogger logger, string provider, string topic, int partition, string groupId, KafkaStartPosition startPosition);

    [LoggerMessage(41004, LogLevel.Information, "Kafka stream provider {Provider}: released {Topic}[{Partition}]; committed offset {Offset}")]
    public static partial void PartitionReleased(this ILogger logger, string provider, string topic, int partition, long offset);

    [LoggerMessage(41005, LogLevel.Warning, "Kafka stream provider {Provider}: committing offsets of {Topic}[{Partition}] failed")]
    public static partial void CommitFailed(this ILogger logger, string provider, string topic, int partition, Exception exception);

    [LoggerMessage(41006, LogLevel.Warning, "Kafka stream provider {Provider}: client error {ErrorCode}: {Reason}")]
    public static partial void ClientError(this ILogger logger, string provider, ErrorCode errorCode, string reason);

    [LoggerMessage(41007, LogLevel.Error, "Kafka stream provider {Provider}: fatal client error {ErrorCode}: {Reason}")]
    public static partial void FatalClientError(this ILogger logger, string provider, ErrorCode errorCode, string reason);

    [LoggerMessage(41008, LogLevel.Information, "Kafka stream provider {Provider}: created topic {Topic} with {Partitions} partition(s)")]
    public static partial void TopicCreated(this ILogger logger, string provider, string topic, int partitions);

    [LoggerMessage(41009, LogLevel.Warning, "Kafka stream provider {Provider}: reading {Topic}[{Partition}] failed")]
    public static partial void ConsumeFailed(this ILogger logger, string provider, string topic, int partition, Exception exception);

    [LoggerMessage(41010, LogLevel.Warning, "Kafka stream provider {Provider}: storing offset {Offset} of {Topic}[{Partition}] failed")]
    public static partial void StoreOffsetFailed(this ILogger logger, string provider, string topic, int partition, long offset, Exception exception);

    [LoggerMessage(41011, LogLevel.Debug, "librdkafka {Facility} ({Name}): {Message}")]
    public static partial void LibrdkafkaDebug(this ILogger logger, string facility, string name, string message);

    [LoggerMessage(41012, LogLevel.Information, "librdkafka {Facility} ({Name}): {Message}")]
    public static partial void LibrdkafkaInformation(this ILogger logger, string facility, string name, string message);

    [LoggerMessage(41013, LogLevel.Warning, "librdkafka {Facility} ({Name}): {Message}")]
    public static partial void LibrdkafkaWarning(this ILogger logger, string facility, string name, string message);

    [LoggerMessage(41014, LogLevel.Warning, "Kafka stream provider {Provider}: flushing the producer did not finish within {Timeout}; {Count} event(s) may be undelivered")]
    public static partial void FlushIncomplete(this ILogger logger, string provider, TimeSpan timeout, int count);

    /// <summary>Routes librdkafka's own log lines to the host's logger instead of stderr.</summary>
    public static void Librdkafka(this ILogger logger, LogMessage message)
    {
        switch (message.Level)
        {
            case SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error or SyslogLevel.Warning:
                logger.LibrdkafkaWarning(message.Facility, message.Name, message.Message);
                break;
            case SyslogLevel.Notice:
                logger.LibrdkafkaInformation(message.Facility, message.Name, message.Message);
                break;
            default:
                logger.LibrdkafkaDebug(message.Facility, message.Name, message.Message);
                break;
        }
    }
}
