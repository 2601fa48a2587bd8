namespace ProctorWise.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Tests sharing <see cref="KafkaClusterFixture"/>; each uses fresh stream keys.</summary>
[CollectionDefinition(Name)]
public sealed class KafkaClusterCollection : ICollectionFixture<KafkaClusterFixture>
{
    public const string Name = nameof(KafkaClusterCollection);
}
