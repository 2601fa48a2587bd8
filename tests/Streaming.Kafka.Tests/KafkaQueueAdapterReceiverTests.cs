using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Diagnostics;
using ProctorWise.Streaming.Kafka.Serialization;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>
/// The receiver commits only what every subscriber got. A real crash (no shutdown, no final commit) is simulated
/// here by abandoning a receiver, which the in-process cluster's KillSiloAsync cannot do: it still runs the
/// silo's stop sequence with a cancelled token.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KafkaQueueAdapterReceiverTests : IDisposable
{
    private const string Namespace = "alerts";
    private const string GroupId = "receiver-tests";
    private readonly KafkaMockCluster _kafka = new();
    private readonly KafkaStreamMetrics _metrics = new();

    public void Dispose()
    {
        _metrics.Dispose();
        _kafka.Dispose();
    }

    [Fact]
    public async Task AfterACrashUndeliveredRecordsAreReadAgainAndDeliveredOnesAreNot()
    {
        var prefix = $"rcv.{Guid.NewGuid():N}.";
        _kafka.CreateTopic(prefix + Namespace, 1);
        var options = new KafkaStreamOptions { BootstrapServers = _kafka.BootstrapServers, TopicPrefix = prefix, Namespaces = [Namespace], Partitions = 1, CacheSize = 10 };
        options.EventTypes.Add<AlertRaised>("alert-raised").Add<SessionChanged>("session-changed");
        var codec = new KafkaRecordCodec(options);
        var stream = StreamId.Create(Namespace, "room-1");
        using (var producer = new ProducerBuilder<byte[], byte[]>(KafkaClientConfigs.Producer(options, "test")).SetLogHandler((_, _) => { }).Build())
        {
            foreach (var evt in TestStreams.Events(0, 10))
            {
                await producer.ProduceAsync(new TopicPartition(prefix + Namespace, 0), codec.Encode(stream, evt, out _), TestContext.Current.CancellationToken);
            }
        }

        // First owner: reads all ten, a subscriber cursor stays on the first event, then the silo "crashes".
        var (first, firstCache) = Start(options, codec);
        var read = await ReadAsync(first, firstCache, 10);
#pragma warning disable CS0618 // The obsolete cursor API is what the simple cache implements directly.
        using var stuck = firstCache.GetCacheCursor(stream, read[0].SequenceToken);
        stuck.MoveNext();
        Assert.False(firstCache.TryPurgeFromCache(out _));
        await first.MessagesDeliveredAsync([], TestContext.Current.CancellationToken);

        // Its background commit runs: what it commits is the stuck event's offset, nothing past it.
        var committed = await Eventually.UntilAsync(
            () => Task.FromResult(CommittedOffset(options.TopicFor(Namespace))), offset => offset >= 0, "the first owner's periodic commit");
        Assert.Equal(0, committed);

        // Second owner: nothing was delivered, so everything comes again.
        var (second, secondCache) = Start(options, codec);
        var again = await ReadAsync(second, secondCache, 10);
        Assert.Equal(read.Select(Offset), again.Select(Offset));

        // Now the subscriber gets past the first six events; a graceful handoff commits exactly that.
        using var cursor = secondCache.GetCacheCursor(stream, again[0].SequenceToken);
        for (var i = 0; i < 7; i++)
        {
            cursor.MoveNext();
        }
#pragma warning restore CS0618

        Assert.True(secondCache.TryPurgeFromCache(out var purged));
        await second.MessagesDeliveredAsync(purged, TestContext.Current.CancellationToken);
        var oldestUndelivered = secondCache.OldestCachedOffset;
        Assert.Equal(6, oldestUndelivered);
        await second.Shutdown(TimeSpan.FromSeconds(5));

        var (third, thirdCache) = Start(options, codec);
        var rest = await ReadAsync(third, thirdCache, 4);
        Assert.Equal([6L, 7L, 8L, 9L], rest.Select(Offset));
        await third.Shutdown(TimeSpan.FromSeconds(5));

        // The abandoned first receiver is left to the garbage collector, as after a crash.
        GC.KeepAlive(first);
    }

    private (KafkaQueueAdapterReceiver Receiver, KafkaPartitionCache Cache) Start(KafkaStreamOptions options, KafkaRecordCodec codec)
    {
        var cache = new KafkaPartitionCache(options.CacheSize, NullLogger.Instance);
        var receiver = new KafkaQueueAdapterReceiver("test", new KafkaPartitionInfo(Namespace, options.TopicFor(Namespace), 0), GroupId, options, codec, () => cache, _metrics, NullLogger.Instance);
        receiver.Initialize(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        return (receiver, cache);
    }

    /// <summary>Reads like the pulling agent: every batch goes into the cache before the next read.</summary>
    private static async Task<List<IBatchContainer>> ReadAsync(KafkaQueueAdapterReceiver receiver, KafkaPartitionCache cache, int count)
    {
        var read = new List<IBatchContainer>();
        await Eventually.HoldsAsync(() =>
        {
            var batch = receiver.GetQueueMessagesAsync(count - read.Count, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            cache.AddToCache(batch);
            read.AddRange((IEnumerable<IBatchContainer>)batch);
            return read.Count >= count;
        }, () => $"read {read.Count} of {count}");
        return read;
    }

    /// <summary>The offset the receivers' group has committed on the partition (negative: none).</summary>
    private long CommittedOffset(string topic)
    {
        var config = new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = GroupId, EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        return consumer.Committed([new TopicPartition(topic, 0)], TimeSpan.FromSeconds(10))[0].Offset.Value;
    }

    private static long Offset(IBatchContainer batch) => batch.SequenceToken.SequenceNumber;
}
