using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka.Diagnostics;
using ProctorWise.Streaming.Kafka.Serialization;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// Reads one Kafka partition for the Orleans pulling agent that owns the queue. The partition is assigned
/// directly (no group rebalancing: Orleans' balancer decides who reads what) and starts at the group's
/// committed offset. Offsets are stored for commit only when the cache reports every subscriber is past them.
/// </summary>
internal sealed class KafkaQueueAdapterReceiver(
    string providerName,
    KafkaPartitionInfo partition,
    string groupId,
    KafkaStreamOptions options,
    KafkaRecordCodec codec,
    Func<KafkaPartitionCache?> cache,
    KafkaStreamMetrics metrics,
    ILogger logger) : IQueueAdapterReceiver, IPartitionReader
{
    // Fallback when the agent sets no limit: enough to amortise a pump turn, small enough to keep turns short.
    private const int DefaultMaxCount = 1000;

    private readonly TopicPartition _topicPartition = new(partition.Topic, partition.Partition);
    private IConsumer<byte[], byte[]>? _consumer;
    private long _nextOffset = -1;
    private long _storedOffset = -1;

    public string Provider => providerName;

    public string Topic => partition.Topic;

    public int Partition => partition.Partition;

    public Task Initialize(TimeSpan timeout)
    {
        _consumer = new ConsumerBuilder<byte[], byte[]>(KafkaClientConfigs.Consumer(options, providerName, groupId))
            .SetLogHandler((_, message) => logger.Librdkafka(message))
            .SetErrorHandler((_, error) => LogError(error))
            .Build();

        // Offset.Stored: start at the group's committed offset, or at auto.offset.reset when there is none.
        // The fetch happens in librdkafka's background thread, so Initialize does not block on the broker.
        _consumer.Assign(new TopicPartitionOffset(_topicPartition, Offset.Stored));
        metrics.PartitionAssigned(this);
        logger.PartitionAssigned(providerName, partition.Topic, partition.Partition, groupId, options.StartPosition);
        return Task.CompletedTask;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        // Everything returned by the previous call is in the cache now, so progress can be computed safely here.
        StoreProgress();
        var consumer = _consumer;
        if (consumer is null || maxCount == 0)
        {
            return Task.FromResult<IList<IBatchContainer>>([]);
        }

        var limit = maxCount < 0 ? DefaultMaxCount : maxCount;
        var batches = new List<IBatchContainer>(Math.Min(limit, 64));
        try
        {
            while (batches.Count < limit && !cancellationToken.IsCancellationRequested)
            {
                // A zero timeout only takes what librdkafka has already prefetched: it never blocks the agent.
                var record = consumer.Consume(TimeSpan.Zero);
                if (record is null)
                {
                    break;
                }

                _nextOffset = record.Offset.Value + 1;
                if (codec.TryDecode(record, partition.Namespace, out var container, out var eventId, out var failure, out var exception))
                {
                    batches.Add(container!);
                }
                else
                {
                    // Skipped records are covered by the next commit; the report is the log line and the counter.
                    logger.RecordSkipped(providerName, partition.Topic, partition.Partition, record.Offset.Value, eventId, failure!, exception);
                    metrics.Skipped(providerName, partition.Topic, failure!.StartsWith("unknown event type", StringComparison.Ordinal) ? "unknown-type" : "undecodable");
                }
            }
        }
        catch (ConsumeException e)
        {
            logger.ConsumeFailed(providerName, partition.Topic, partition.Partition, e);
            if (batches.Count == 0)
            {
                // The agent retries reads with back-off and logs when it gives up.
                throw;
            }
        }

        if (batches.Count > 0)
        {
            metrics.Consumed(providerName, partition.Topic, batches.Count);
        }

        return Task.FromResult<IList<IBatchContainer>>(batches);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        StoreProgress();
        return Task.CompletedTask;
    }

    public Task Shutdown(TimeSpan timeout)
    {
        var consumer = Interlocked.Exchange(ref _consumer, null);
        metrics.PartitionReleased(this);
        if (consumer is null)
        {
            return Task.CompletedTask;
        }

        // Commit what was delivered now, so that the silo taking the partition over redelivers as little as possible.
        StoreProgress(consumer);
        try
        {
            if (_storedOffset >= 0)
            {
                consumer.Commit([new TopicPartitionOffset(_topicPartition, _storedOffset)]);
            }
        }
        catch (KafkaException e)
        {
            logger.CommitFailed(providerName, partition.Topic, partition.Partition, e);
        }

        try
        {
            consumer.Close();
        }
        catch (KafkaException e)
        {
            logger.CommitFailed(providerName, partition.Topic, partition.Partition, e);
        }
        finally
        {
            consumer.Dispose();
        }

        logger.PartitionReleased(providerName, partition.Topic, partition.Partition, _storedOffset);
        return Task.CompletedTask;
    }

    public bool TryGetLag(out long lag)
    {
        lag = 0;
        var consumer = _consumer;
        var committed = Volatile.Read(ref _storedOffset);
        if (consumer is null || committed < 0)
        {
            return false;
        }

        try
        {
            var high = consumer.GetWatermarkOffsets(_topicPartition).High;
            if (high == Offset.Unset)
            {
                return false;
            }

            lag = Math.Max(0, high.Value - committed);
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private void StoreProgress() => StoreProgress(_consumer);

    /// <summary>
    /// Stores the first offset not yet delivered to every subscriber: the oldest offset still cached, or, with an
    /// empty cache, the offset after the last record read (which also covers skipped records).
    /// </summary>
    private void StoreProgress(IConsumer<byte[], byte[]>? consumer)
    {
        if (consumer is null || _nextOffset < 0 || cache() is not { } partitionCache)
        {
            return;
        }

        var safe = partitionCache.OldestCachedOffset ?? _nextOffset;
        if (safe <= _storedOffset)
        {
            return;
        }

        try
        {
            consumer.StoreOffset(new TopicPartitionOffset(_topicPartition, safe));
            Volatile.Write(ref _storedOffset, safe);
        }
        catch (KafkaException e)
        {
            logger.StoreOffsetFailed(providerName, partition.Topic, partition.Partition, safe, e);
        }
    }

    private void LogError(Error error)
    {
        if (error.IsFatal)
        {
            logger.FatalClientError(providerName, error.Code, error.Reason);
        }
        else
        {
            logger.ClientError(providerName, error.Code, error.Reason);
        }
    }
}
