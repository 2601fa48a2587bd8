using ProctorWise.Grains.Interfaces.Cluster;

namespace ProctorWise.Grains.Ports;

/// <summary>The stream queues this process reads, from the stream transport in use (Kafka); absent with in-memory streams.</summary>
public interface IStreamQueueDiagnostics
{
    /// <summary>The transport's name as the Cluster page shows it (<c>kafka</c>).</summary>
    string Transport { get; }

    /// <summary>The partitions this process reads now, with their lag.</summary>
    IReadOnlyList<StreamPartitionView> OwnedPartitions();
}
