using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using ProctorWise.Streaming.Kafka.Serialization;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// Orleans' simple queue cache for one partition, which also tells which offsets every subscriber is done with.
/// The simple cache only purges a bucket once no subscriber cursor points into it, i.e. once every event in it
/// was delivered (or given up on and reported); purges always remove the oldest events first. So after a purge,
/// the oldest offset still cached is exactly the offset that is safe to commit.
/// </summary>
/// <remarks>
/// Subscriptions may start at any token still cached (rewind). A token older than the oldest cached event is a cache
/// miss, which the pulling agent reports to the failure handler before starting the subscription at the next event.
/// The simple cache reports that miss only while it holds events: once every event was delivered and purged it parks
/// the new cursor on the old token, and Orleans' pulling agent (10.4) then fails every later read that brings events of
/// the stream and never serves the subscription. This cache reports the miss in that case too, which is why it wraps
/// the simple cache instead of deriving from it (the cursor lookup is an explicit interface implementation there).
/// </remarks>
internal sealed class KafkaPartitionCache(int cacheSize, ILogger logger) : IQueueCache
{
    private readonly SimpleQueueCache _cache = new(cacheSize, logger);
    private readonly Queue<long> _offsets = new();

    // The offset after the newest event ever cached (-1 before the first), to recognise purged tokens in an empty cache.
    private long _nextOffset = -1;

    /// <summary>The oldest offset still in the cache (not yet delivered to every subscriber), if any.</summary>
    public long? OldestCachedOffset => _offsets.Count > 0 ? _offsets.Peek() : null;

    public int GetMaxAddCount() => _cache.GetMaxAddCount();

    public bool IsUnderPressure() => _cache.IsUnderPressure();

    public void AddToCache(IList<IBatchContainer> messages)
    {
        _cache.AddToCache(messages);
        foreach (var message in messages)
        {
            var offset = ((KafkaBatchContainer)message).Offset;
            _offsets.Enqueue(offset);
            _nextOffset = Math.Max(_nextOffset, offset + 1);
        }
    }

    public bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems)
    {
        var purged = _cache.TryPurgeFromCache(out purgedItems!);

        // Items that failed delivery are left out of purgedItems, so count what is left instead of what was returned.
        while (_offsets.Count > _cache.Size)
        {
            _offsets.Dequeue();
        }

        return purged;
    }

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        IsPurged(token)
            ? QueueCacheCursorResult<IQueueCacheCursor>.FromCacheMiss(new QueueCacheMissInfo(token, NextToken, NextToken))
            : ((IQueueCache)_cache).TryGetCacheCursor(streamId, token);

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        ((IQueueCache)_cache).TryGetCacheCursorAtPosition(streamId, startPosition);

    [Obsolete("Use IQueueCache.TryGetCacheCursor instead.")]
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        IsPurged(token) ? throw new QueueCacheMissException(token, NextToken, NextToken) : _cache.GetCacheCursor(streamId, token);

    public void UpdateDeliveryProgress(StreamSequenceToken? earliestSubscriptionToken, DateTime utcNow) =>
        ((IQueueCache)_cache).UpdateDeliveryProgress(earliestSubscriptionToken, utcNow);

    /// <summary>Whether <paramref name="token"/> names an event this cache held and purged, while the cache is empty.</summary>
    private bool IsPurged([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] StreamSequenceToken? token) =>
        token is not null && _cache.Size == 0 && token.SequenceNumber < _nextOffset;

    private EventSequenceTokenV2 NextToken => new(_nextOffset);
}
