using System.Text;
using Confluent.Kafka;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Testing;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>The provider partitions keys exactly like Kafka's default (murmur2) partitioner.</summary>
public sealed class KafkaPartitionerTests
{
    [Fact]
    [Trait("Category", "Integration")]
    public async Task KeysGoToTheSamePartitionAsWithLibrdkafkasMurmur2Partitioner()
    {
        using var kafka = new KafkaMockCluster();
        kafka.CreateTopic("partitioning", 7);
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            Partitioner = Partitioner.Murmur2,
        }).SetLogHandler((_, _) => { }).Build();

        var keys = Enumerable.Range(0, 60).Select(i => i % 3 == 0 ? $"slot-{Guid.NewGuid()}" : new string('k', i)).Append("").Append("é€").ToList();
        foreach (var key in keys)
        {
            var result = await producer.ProduceAsync("partitioning", new Message<string, string> { Key = key, Value = "x" }, TestContext.Current.CancellationToken);
            Assert.Equal(result.Partition.Value, KafkaPartitioner.Partition(Encoding.UTF8.GetBytes(key), 7));
        }
    }
}
