using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Serialization;
using ProctorWise.Streaming.Kafka.Tests.Grains;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>Rewinding within the partition cache, and what a token older than the cache gets.</summary>
public sealed class KafkaPartitionCacheTests
{
    private static readonly StreamId s_stream = StreamId.Create("alerts", "room-1");

    // Ten events in ten buckets of one: a purge removes exactly the events every cursor is past.
    private readonly KafkaPartitionCache _cache = new(10, NullLogger.Instance);

    [Fact]
    public void ASubscriptionCanStartAtAnyCachedToken()
    {
        Add(0, 5);

        var cursor = Cursor(Token(2));

        Assert.Equal([2L, 3L, 4L], Read(cursor));
    }

    [Fact]
    public void ATokenOlderThanTheOldestCachedEventIsACacheMiss()
    {
        Add(0, 5);
        using var slow = Cursor(Token(3));
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, slow.MoveNextWithResult().Kind);
        Assert.True(_cache.TryPurgeFromCache(out _));
        Assert.Equal(3, _cache.OldestCachedOffset);

        var miss = ((IQueueCache)_cache).TryGetCacheCursor(s_stream, Token(1));

        Assert.Equal(QueueCacheCursorResultKind.CacheMiss, miss.Kind);
        Assert.Equal([3L, 4L], Read(Cursor(Token(3))));
    }

    [Fact]
    public void ATokenOfAPurgedEventIsACacheMissAlsoOnceTheCacheIsEmpty()
    {
        Add(0, 5);
        using (var subscriber = Cursor(Token(0)))
        {
            Assert.Equal(5, Read(subscriber).Count);
        }

        Assert.True(_cache.TryPurgeFromCache(out var purged));
        Assert.Equal(5, purged.Count);
        Assert.Null(_cache.OldestCachedOffset);

        var miss = ((IQueueCache)_cache).TryGetCacheCursor(s_stream, Token(2));

        Assert.Equal(QueueCacheCursorResultKind.CacheMiss, miss.Kind);
        Assert.Equal(2, miss.CacheMiss!.Value.RequestedToken!.SequenceNumber);
        Assert.Equal(5, miss.CacheMiss!.Value.LowToken!.SequenceNumber);
#pragma warning disable CS0618 // The obsolete lookup reports the same miss as an exception.
        Assert.Throws<QueueCacheMissException>(() => _cache.GetCacheCursor(s_stream, Token(2)));
#pragma warning restore CS0618

        // The next offset (not read yet) and "no token" wait for new events.
        var next = Cursor(Token(5));
        var latest = Cursor(null);
        Add(5, 2);
        next.Refresh(Token(5));
        latest.Refresh(Token(5));
        Assert.Equal([5L, 6L], Read(next));
        Assert.Equal([5L, 6L], Read(latest));
    }

    private static EventSequenceTokenV2 Token(long offset) => new(offset);

    private void Add(int first, int count) =>
        _cache.AddToCache([.. Enumerable.Range(first, count).Select(offset => (IBatchContainer)new KafkaBatchContainer
        {
            StreamId = s_stream,
            Event = TestStreams.Events(offset, 1)[0],
            EventId = $"e{offset}",
            Token = Token(offset),
        })]);

    private IQueueCacheCursor Cursor(StreamSequenceToken? token)
    {
        var result = ((IQueueCache)_cache).TryGetCacheCursor(s_stream, token);
        Assert.Equal(QueueCacheCursorResultKind.Success, result.Kind);
        return result.Cursor!;
    }

    private static List<long> Read(IQueueCacheCursor cursor)
    {
        var offsets = new List<long>();
        while (cursor.MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success)
        {
            offsets.Add(cursor.GetCurrent(out _)!.SequenceToken.SequenceNumber);
        }

        return offsets;
    }
}
