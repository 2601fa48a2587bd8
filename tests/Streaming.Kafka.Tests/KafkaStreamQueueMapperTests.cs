using Confluent.Kafka;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.Streaming.Kafka.Tests.Grains;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>One Orleans queue per Kafka partition of every namespace's topic, spread so that silos can share them.</summary>
public sealed class KafkaStreamQueueMapperTests
{
    private static readonly string[] s_namespaces = ["alerts", "sessions", "submissions"];

    private static KafkaStreamQueueMapper Mapper(int partitions)
    {
        var options = new KafkaStreamOptions { BootstrapServers = "unused:9092", TopicPrefix = "pw.", Namespaces = s_namespaces, Partitions = partitions };
        options.EventTypes.Add<AlertRaised>("alert-raised");
        return new KafkaStreamQueueMapper(options);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void EveryPartitionOfEveryNamespaceIsExactlyOneQueue(int partitions)
    {
        var mapper = Mapper(partitions);
        var queues = mapper.GetAllQueues().ToList();

        Assert.Equal(s_namespaces.Length * partitions, queues.Count);
        Assert.Equal(queues.Count, queues.Distinct().Count());
        var mapped = queues.Select(mapper.GetPartition).ToList();
        var expected = s_namespaces.SelectMany(ns => Enumerable.Range(0, partitions).Select(p => new KafkaPartitionInfo(ns, "pw." + ns, p)));
        Assert.Equal(expected.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition), mapped.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition));
    }

    [Fact]
    public void QueuesAreSpreadEvenlyOverTheRingSoThatEqualRangesGetEqualShares()
    {
        var mapper = Mapper(4);
        var queues = mapper.GetAllQueues().ToList();
        Assert.Equal(queues.Count, queues.Select(q => q.GetUniformHashCode()).Distinct().Count());

        // Three silos owning a third of the ring each (the consistent-ring balancer hands out ranges like these).
        var third = (uint)(RangeFactory.RING_SIZE / 3);
        var ranges = new[] { RangeFactory.CreateRange(0, third), RangeFactory.CreateRange(third, 2 * third), RangeFactory.CreateRange(2 * third, 0) };
        var shares = ranges.Select(range => mapper.GetQueuesForRange(range).ToList()).ToList();

        Assert.All(shares, share => Assert.Equal(queues.Count / 3, share.Count));
        Assert.Equal(queues.OrderBy(q => q.GetUniformHashCode()), shares.SelectMany(s => s).OrderBy(q => q.GetUniformHashCode()));
        Assert.Equal(queues.Count, mapper.GetQueuesForRange(RangeFactory.CreateFullRange()).Count());
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task AStreamMapsToTheQueueOfThePartitionKafkasDefaultPartitionerChoosesForItsKey()
    {
        const int Partitions = 6;
        using var kafka = new KafkaMockCluster();
        var mapper = Mapper(Partitions);
        kafka.CreateTopic("pw.sessions", Partitions);
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            Partitioner = Partitioner.Murmur2,
        }).SetLogHandler((_, _) => { }).Build();

        var keys = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? Guid.CreateVersion7().ToString("N") : $"room-{i}").ToList();
        var partitionsSeen = new HashSet<int>();
        foreach (var key in keys)
        {
            var written = await producer.ProduceAsync("pw.sessions", new Message<string, string> { Key = key, Value = "{}" }, TestContext.Current.CancellationToken);
            var queue = mapper.GetQueueForStream(StreamId.Create("sessions", key));
            Assert.Equal(new KafkaPartitionInfo("sessions", "pw.sessions", written.Partition.Value), mapper.GetPartition(queue));
            partitionsSeen.Add(written.Partition.Value);
        }

        Assert.True(partitionsSeen.Count > 1, "all keys landed on one partition; the comparison says little");
    }

    [Fact]
    public void UnservedNamespacesAndForeignQueuesAreRejected()
    {
        var mapper = Mapper(4);
        var error = Assert.Throws<ArgumentException>(() => mapper.GetQueueForStream(StreamId.Create("grades", "x")));
        Assert.Contains("'grades' is not served", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => mapper.GetPartition(Mapper(5).GetAllQueues().Last()));
    }
}
