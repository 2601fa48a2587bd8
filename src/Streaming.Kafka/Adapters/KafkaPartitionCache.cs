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
internal sealed class KafkaPartitionCache(int cacheSize, ILogger logger) : SimpleQueueCache(cacheSize, logger)
{
    private readonly Queue<long> _offsets = new();

    /// <summary>The oldest offset still in the cache (not yet delivered to every subscriber), if any.</summary>
    public long? OldestCachedOffset => _offsets.Count > 0 ? _offsets.Peek() : null;

    public override void AddToCache(IList<IBatchContainer> msgs)
    {
        base.AddToCache(msgs);
        foreach (var message in msgs)
        {
            _offsets.Enqueue(((KafkaBatchContainer)message).Offset);
        }
    }

    public override bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems)
    {
        var purged = base.TryPurgeFromCache(out purgedItems!);

        // Items that failed delivery are left out of purgedItems, so count what is left instead of what was returned.
        while (_offsets.Count > Size)
        {
            _offsets.Dequeue();
        }

        return purged;
    }
}
