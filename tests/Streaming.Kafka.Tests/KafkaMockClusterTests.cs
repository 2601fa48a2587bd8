using Confluent.Kafka;
using Confluent.Kafka.Admin;
using ProctorWise.Streaming.Kafka.Testing;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>
/// What librdkafka's mock cluster (Confluent.Kafka 2.16.0 / librdkafka 2.16.0) does and does not do, so the
/// README's claims are checked on every run.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KafkaMockClusterTests : IDisposable
{
    private readonly KafkaMockCluster _kafka = new();

    public void Dispose() => _kafka.Dispose();

    [Fact]
    public async Task AdminCreateTopicsIsNotSupportedByTheMock()
    {
        // Without a controller in the metadata the admin client waits for one and times out; with one it learns
        // the broker does not implement CreateTopics.
        _kafka.SetControllerId(_kafka.BrokerIds[0]);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _kafka.BootstrapServers }).SetLogHandler((_, _) => { }).Build();
        var error = await Assert.ThrowsAnyAsync<KafkaException>(() => admin.CreateTopicsAsync(
            [new TopicSpecification { Name = "created-by-admin", NumPartitions = 2, ReplicationFactor = 1 }],
            new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(5) }));
        Assert.Contains("not supported", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AskingForAnUnknownTopicCreatesItWhileListingDoesNot()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _kafka.BootstrapServers }).SetLogHandler((_, _) => { }).Build();
        Assert.DoesNotContain(admin.GetMetadata(TimeSpan.FromSeconds(5)).Topics, t => t.Topic == "asked-for");
        var asked = admin.GetMetadata("asked-for", TimeSpan.FromSeconds(5));
        Assert.Equal(Confluent.Kafka.ErrorCode.NoError, asked.Topics[0].Error.Code);
        Assert.Contains(admin.GetMetadata(TimeSpan.FromSeconds(5)).Topics, t => t.Topic == "asked-for");
    }

    [Fact]
    public async Task IdempotentProducerCommittedOffsetsOfAssignedPartitionsAndLeaderMovesWork()
    {
        _kafka.CreateTopic("capabilities", 2);
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).SetLogHandler((_, _) => { }).Build();
        for (var i = 0; i < 5; i++)
        {
            var result = await producer.ProduceAsync(new TopicPartition("capabilities", 0), new Message<string, string> { Key = "k", Value = $"v{i}" }, TestContext.Current.CancellationToken);
            Assert.Equal(PersistenceStatus.Persisted, result.Status);
        }

        // Leadership moves: the producer follows the new leader after NOT_LEADER / metadata refresh.
        _kafka.SetPartitionLeader("capabilities", 0, _kafka.BrokerIds[^1]);
        var moved = await producer.ProduceAsync(new TopicPartition("capabilities", 0), new Message<string, string> { Key = "k", Value = "after move" }, TestContext.Current.CancellationToken);
        Assert.Equal(5, moved.Offset.Value);

        var config = new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = "capabilities", EnableAutoCommit = false };
        using (var consumer = new ConsumerBuilder<string, string>(config).SetLogHandler((_, _) => { }).Build())
        {
            consumer.Assign(new TopicPartitionOffset("capabilities", 0, Offset.Beginning));
            var read = Enumerable.Range(0, 3).Select(_ => consumer.Consume(TimeSpan.FromSeconds(10))).ToList();
            Assert.All(read, Assert.NotNull);
            consumer.Commit([new TopicPartitionOffset("capabilities", 0, read[^1].Offset + 1)]);
        }

        using var next = new ConsumerBuilder<string, string>(config).SetLogHandler((_, _) => { }).Build();
        var committed = next.Committed([new TopicPartition("capabilities", 0)], TimeSpan.FromSeconds(10));
        Assert.Equal(3, committed[0].Offset.Value);
    }
}
