using System.Collections.Frozen;
using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// One Orleans queue per partition of each namespace's topic. A stream goes to the partition Kafka's default
/// partitioner picks for its key. Queue hashes are spread evenly over the ring so that Orleans' consistent-ring
/// balancer shares the partitions between silos.
/// </summary>
internal sealed class KafkaStreamQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;
    private readonly FrozenDictionary<string, QueueId[]> _queuesByNamespace;
    private readonly FrozenDictionary<QueueId, KafkaPartitionInfo> _partitions;
    private readonly int _partitionCount;

    public KafkaStreamQueueMapper(KafkaStreamOptions options)
    {
        _partitionCount = options.Partitions;
        var namespaces = options.Namespaces.Distinct(StringComparer.Ordinal).ToArray();
        var total = namespaces.Length * _partitionCount;
        var queues = new List<QueueId>(total);
        var byNamespace = new Dictionary<string, QueueId[]>(StringComparer.Ordinal);
        var partitions = new Dictionary<QueueId, KafkaPartitionInfo>();
        var index = 0;
        foreach (var ns in namespaces)
        {
            var topic = options.TopicFor(ns);
            var nsQueues = new QueueId[_partitionCount];
            for (var partition = 0; partition < _partitionCount; partition++)
            {
                var hash = (uint)((ulong)index++ * uint.MaxValue / (ulong)total);
                var queue = QueueId.GetQueueId(topic, (uint)partition, hash);
                nsQueues[partition] = queue;
                queues.Add(queue);
                partitions[queue] = new KafkaPartitionInfo(ns, topic, partition);
            }

            byNamespace[ns] = nsQueues;
        }

        _queues = [.. queues];
        _queuesByNamespace = byNamespace.ToFrozenDictionary(StringComparer.Ordinal);
        _partitions = partitions.ToFrozenDictionary();
    }

    public IEnumerable<QueueId> GetAllQueues() => _queues;

    public QueueId GetQueueForStream(StreamId streamId)
    {
        var ns = streamId.GetNamespace();
        if (ns is null || !_queuesByNamespace.TryGetValue(ns, out var queues))
        {
            throw new ArgumentException(
                $"Stream namespace '{ns}' is not served by this Kafka stream provider; add it to KafkaStreamOptions.Namespaces (served: {string.Join(", ", _queuesByNamespace.Keys)}).",
                nameof(streamId));
        }

        return queues[KafkaPartitioner.Partition(streamId.Key.Span, _partitionCount)];
    }

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) =>
        _queues.Where(queue => range.InRange(queue.GetUniformHashCode()));

    public KafkaPartitionInfo GetPartition(QueueId queueId) =>
        _partitions.TryGetValue(queueId, out var partition)
            ? partition
            : throw new ArgumentException($"Queue {queueId} is not a Kafka partition of this provider.", nameof(queueId));
}
