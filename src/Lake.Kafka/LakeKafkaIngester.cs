using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Lake.Events;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Lake.Kafka;

/// <summary>
/// Lands the fact topics in the lake when streams are on Kafka: a consumer group of its own reads every fact topic,
/// feeds the <see cref="LakeEventBatcher"/> and commits a partition's offset only up to its first event that is not yet
/// in a durable file (auto-commit off, offsets committed explicitly after each flush). Before partitions are revoked
/// and at shutdown it flushes and commits what became durable. A failed flush commits nothing for the events it could
/// not write; the batch keeps them and is retried with back-off while the partitions are paused, and if this consumer
/// stops first they are read again by the next member of the group. Readers remove the repeats by <c>event_id</c>.
/// </summary>
public sealed partial class LakeKafkaIngester(
    LakeKafkaIngestionSettings settings, LakeEventBatcher batcher, TimeProvider clock, ILogger<LakeKafkaIngester> logger) : BackgroundService
{
    private readonly KafkaRecordFormat _format = new(settings.Streams);
    private readonly KafkaOffsetLedger _ledger = new();
    private readonly Dictionary<string, string> _namespaceByTopic = settings.Namespaces.ToDictionary(settings.Streams.TopicFor, n => n, StringComparer.Ordinal);
    private int _failures;
    private DateTimeOffset _retryAt;

    /// <summary>Flushes that failed in a row (0 while the lake writes).</summary>
    public int FailedFlushes => Volatile.Read(ref _failures);

    /// <inheritdoc/>
    // librdkafka's Consume blocks: the loop runs on a thread of its own, and the batcher is awaited there.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stopping)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(Config())
            .SetPartitionsAssignedHandler((c, partitions) => LogAssigned(logger, partitions.Count))
            .SetPartitionsRevokedHandler((c, partitions) =>
            {
                // Give up the partitions with everything landed that can be, so the next owner starts after it.
                Land(c, () => batcher.FlushAsync());
                _ledger.Forget(partitions.Select(p => p.TopicPartition));
            })
            .SetPartitionsLostHandler((_, partitions) => _ledger.Forget(partitions.Select(p => p.TopicPartition)))
            .SetLogHandler((_, m) => LogClient(logger, m.Level, m.Message))
            .SetErrorHandler((_, e) => LogKafka(logger, "error", e.Reason))
            .Build();
        consumer.Subscribe(_namespaceByTopic.Keys);
        while (!stopping.IsCancellationRequested)
        {
            if (_failures > 0 && clock.GetUtcNow() >= _retryAt && Land(consumer, () => batcher.FlushAsync()))
            {
                consumer.Resume(consumer.Assignment);
            }

            ConsumeResult<byte[], byte[]>? record;
            try
            {
                record = consumer.Consume(settings.PollTimeout);
            }
            catch (ConsumeException e)
            {
                LogKafka(logger, "consume", e.Error.Reason);
                continue;
            }

            if (record is not null)
            {
                Take(consumer, record);
            }

            if (_failures == 0)
            {
                Land(consumer, () => batcher.FlushIfDueAsync());
            }
        }

        // Shutdown: land what waits, commit it, then leave the group (which revokes, landing nothing more).
        Land(consumer, () => batcher.FlushAsync());
        consumer.Close();
    }

    private void Take(IConsumer<byte[], byte[]> consumer, ConsumeResult<byte[], byte[]> record)
    {
        if (!_format.TryRead(record, _namespaceByTopic[record.Topic], out var evt, out var failure))
        {
            // The provider skips such records too; waiting for them would stop the partition for good.
            LogSkipped(logger, record.TopicPartitionOffset.ToString(), failure);
            _ledger.Read(record.TopicPartitionOffset, null);
            return;
        }

        if (!LakeEventBatcher.Lands(evt))
        {
            _ledger.Read(record.TopicPartitionOffset, null);
            return;
        }

        var domainEvent = (DomainEvent)evt;
        _ledger.Read(record.TopicPartitionOffset, domainEvent.EventId);
        Land(consumer, () => batcher.AddAsync(domainEvent));
    }

    /// <summary>Runs a batcher step, marks what it made durable and commits; false when the lake failed.</summary>
    private bool Land(IConsumer<byte[], byte[]> consumer, Func<Task<LakeFlushResult>> step)
    {
        bool landed;
        try
        {
            _ledger.Durable(step().GetAwaiter().GetResult().Durable.Select(e => e.EventId));
            Volatile.Write(ref _failures, 0);
            landed = true;
        }
        catch (LakeWriteException e)
        {
            _ledger.Durable(e.Durable.Select(d => d.EventId));
            Failed(consumer, e);
            landed = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException or HttpRequestException)
        {
            Failed(consumer, e);
            landed = false;
        }

        Commit(consumer);
        return landed;
    }

    private void Failed(IConsumer<byte[], byte[]> consumer, Exception e)
    {
        var failures = Interlocked.Increment(ref _failures);
        var delay = TimeSpan.FromTicks(Math.Min(settings.LastRetryDelay.Ticks, settings.FirstRetryDelay.Ticks << Math.Min(failures - 1, 10)));
        _retryAt = clock.GetUtcNow() + delay;

        // Stop reading while the lake fails: the batch would only grow, and every full batch would try again.
        consumer.Pause(consumer.Assignment);
        LogFlushFailed(logger, e, batcher.PendingCount, delay);
    }

    private void Commit(IConsumer<byte[], byte[]> consumer)
    {
        var offsets = _ledger.Committable();
        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets);
            _ledger.Committed(offsets);
        }
        catch (KafkaException e)
        {
            // Nothing is lost: the points stay committable and the next commit tries again.
            LogKafka(logger, "commit", e.Error.Reason);
        }
    }

    private ConsumerConfig Config()
    {
        var streams = settings.Streams;
        var merged = new Dictionary<string, string>(streams.ClientSettings, StringComparer.Ordinal);
        foreach (var (key, value) in streams.ConsumerSettings)
        {
            merged[key] = value;
        }

        return new ConsumerConfig(merged)
        {
            BootstrapServers = streams.BootstrapServers,
            GroupId = settings.GroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = streams.StartPosition == KafkaStartPosition.Latest ? AutoOffsetReset.Latest : AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            AllowAutoCreateTopics = false,
        };
    }

    [LoggerMessage(EventId = 46010, Level = LogLevel.Information, Message = "Lake ingestion was assigned {Partitions} partitions")]
    private static partial void LogAssigned(ILogger logger, int partitions);

    [LoggerMessage(EventId = 46011, Level = LogLevel.Warning, Message = "Lake ingestion skipped record {Record}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string record, string reason);

    [LoggerMessage(EventId = 46012, Level = LogLevel.Warning, Message = "Lake ingestion could not write; {Pending} events wait uncommitted, next try in {Retry}")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int pending, TimeSpan retry);

    [LoggerMessage(EventId = 46013, Level = LogLevel.Debug, Message = "Lake ingestion consumer ({Kind}): {Message}")]
    private static partial void LogKafka(ILogger logger, string kind, string message);

    [LoggerMessage(EventId = 46014, Level = LogLevel.Debug, Message = "Lake ingestion consumer (librdkafka {Level}): {Message}")]
    private static partial void LogClient(ILogger logger, SyslogLevel level, string message);
}
