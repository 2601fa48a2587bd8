using Confluent.Kafka;

namespace ProctorWise.Lake.Kafka;

/// <summary>
/// Which offsets of the owned partitions may be committed: a partition's commit point is its first offset whose event
/// is not yet in a durable file (or, when none waits, the offset after the last one read). Records that carry no fact
/// for the lake are done as soon as they are read. Not thread-safe: the consumer's thread owns it.
/// </summary>
internal sealed class KafkaOffsetLedger
{
    private readonly Dictionary<TopicPartition, SortedSet<long>> _waiting = [];
    private readonly Dictionary<TopicPartition, long> _next = [];
    private readonly Dictionary<TopicPartition, long> _committed = [];
    private readonly Dictionary<Guid, List<TopicPartitionOffset>> _offsetsByEvent = [];

    /// <summary>Records a read: <paramref name="eventId"/> is the fact waiting for a file, or null when nothing waits.</summary>
    public void Read(TopicPartitionOffset record, Guid? eventId)
    {
        _next[record.TopicPartition] = Math.Max(_next.GetValueOrDefault(record.TopicPartition), record.Offset.Value + 1);
        if (eventId is not { } id)
        {
            return;
        }

        if (!_waiting.TryGetValue(record.TopicPartition, out var waiting))
        {
            _waiting[record.TopicPartition] = waiting = [];
        }

        waiting.Add(record.Offset.Value);
        if (!_offsetsByEvent.TryGetValue(id, out var offsets))
        {
            _offsetsByEvent[id] = offsets = [];
        }

        offsets.Add(record);
    }

    /// <summary>Marks the records of these events done (a redelivered event releases every offset it was read at).</summary>
    public void Durable(IEnumerable<Guid> eventIds)
    {
        foreach (var id in eventIds)
        {
            if (_offsetsByEvent.Remove(id, out var offsets))
            {
                foreach (var record in offsets)
                {
                    _waiting.GetValueOrDefault(record.TopicPartition)?.Remove(record.Offset.Value);
                }
            }
        }
    }

    /// <summary>The commit points that moved since the last commit.</summary>
    public IReadOnlyList<TopicPartitionOffset> Committable()
    {
        var result = new List<TopicPartitionOffset>();
        foreach (var (partition, next) in _next)
        {
            var point = _waiting.TryGetValue(partition, out var waiting) && waiting.Count > 0 ? waiting.Min : next;
            if (!_committed.TryGetValue(partition, out var committed) || point > committed)
            {
                result.Add(new TopicPartitionOffset(partition, point));
            }
        }

        return result;
    }

    /// <summary>Records a successful commit.</summary>
    public void Committed(IEnumerable<TopicPartitionOffset> offsets)
    {
        foreach (var offset in offsets)
        {
            _committed[offset.TopicPartition] = offset.Offset.Value;
        }
    }

    /// <summary>
    /// Forgets partitions this consumer no longer owns: their uncommitted records are redelivered to the next owner,
    /// and committing for them now could move that owner's position.
    /// </summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        var gone = partitions.ToHashSet();
        foreach (var partition in gone)
        {
            _waiting.Remove(partition);
            _next.Remove(partition);
            _committed.Remove(partition);
        }

        foreach (var (id, offsets) in _offsetsByEvent.ToList())
        {
            offsets.RemoveAll(o => gone.Contains(o.TopicPartition));
            if (offsets.Count == 0)
            {
                _offsetsByEvent.Remove(id);
            }
        }
    }
}
