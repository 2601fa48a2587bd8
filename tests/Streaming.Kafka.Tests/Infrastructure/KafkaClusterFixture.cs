using ProctorWise.Streaming.Kafka.Testing;

namespace ProctorWise.Streaming.Kafka.Tests.Infrastructure;

/// <summary>One mock Kafka cluster and one two-silo Orleans cluster shared by the tests that do not break either.</summary>
public sealed class KafkaClusterFixture : IAsyncLifetime
{
    /// <summary>The mock Kafka cluster.</summary>
    public KafkaMockCluster Kafka { get; } = new();

    /// <summary>The Orleans cluster using it.</summary>
    public KafkaTestCluster Orleans { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Orleans = await KafkaTestCluster.StartAsync(Kafka);

    public async ValueTask DisposeAsync()
    {
        await Orleans.DisposeAsync();
        Kafka.Dispose();
    }
}
