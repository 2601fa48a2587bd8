using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Ports;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Hosting.Silo;

/// <summary>The Kafka provider's view of this silo's queues, for the silo probe (admin Cluster page).</summary>
internal sealed class KafkaStreamQueueDiagnostics(IKafkaStreamDiagnostics kafka) : IStreamQueueDiagnostics
{
    public string Transport => "kafka";

    public IReadOnlyList<StreamPartitionView> OwnedPartitions() =>
        [.. kafka.OwnedPartitions().Select(p => new StreamPartitionView(p.Provider, p.Topic, p.Partition, p.Lag))];
}
