using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.Streaming.Kafka.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>Plain Confluent.Kafka clients outside Orleans read and write the provider's records.</summary>
[Collection(KafkaClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class KafkaStreamInteropTests(KafkaClusterFixture fixture)
{
    [Fact]
    public async Task ExternalConsumerReadsPlainJsonRecordsPublishedByAGrain()
    {
        var cluster = fixture.Orleans;
        var key = $"slot-{Guid.NewGuid():N}";
        var events = TestStreams.Events(0, 3);
        await cluster.Client.GetGrain<IPublisherGrain>($"pub-{key}").PublishAsync(TestStreams.External, key, events);

        var topic = cluster.Topic(TestStreams.External);
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = fixture.Kafka.BootstrapServers,
            GroupId = $"external-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        }).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, KafkaTestCluster.Partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));

        var records = new List<ConsumeResult<string, string>>();
        await Eventually.HoldsAsync(() =>
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is not null && record.Message.Key == key)
            {
                records.Add(record);
            }

            return records.Count >= events.Length;
        }, () => $"{records.Count} of {events.Length} records");

        Assert.Single(records.Select(r => r.Partition).Distinct());
        for (var i = 0; i < events.Length; i++)
        {
            var headers = records[i].Message.Headers;
            Assert.Equal(TestStreams.External, Header(headers, KafkaStreamHeaders.Namespace));
            Assert.Equal(events[i] is AlertRaised ? "alert-raised" : "session-changed", Header(headers, KafkaStreamHeaders.EventType));
            Assert.Equal(events[i].EventId.ToString(), Header(headers, KafkaStreamHeaders.EventId));
            Assert.Equal("application/json", Header(headers, KafkaStreamHeaders.ContentType));

            using var json = JsonDocument.Parse(records[i].Message.Value);
            Assert.Equal(events[i].EventId, json.RootElement.GetProperty("eventId").GetGuid());
            Assert.Equal(events[i].Sequence, json.RootElement.GetProperty("sequence").GetInt32());
        }

        using var first = JsonDocument.Parse(records[0].Message.Value);
        Assert.Equal("alert 0", first.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ExternalProducerRecordReachesAnImplicitSubscriberAndUnknownTypesAreSkipped()
    {
        var cluster = fixture.Orleans;
        using var skipped = new MetricRecorder(KafkaStreamInstruments.RecordsSkipped);
        var key = $"slot-{Guid.NewGuid():N}";
        var topic = cluster.Topic(TestStreams.External);
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = fixture.Kafka.BootstrapServers,
            // Kafka's (and the provider's) default key partitioning, so this key's records share one partition.
            Partitioner = Partitioner.Murmur2Random,
        }).SetLogHandler((_, _) => { }).Build();

        // First a record whose type nobody registered: it must be reported and skipped, not stall the partition.
        await producer.ProduceAsync(topic, Record(key, "something-else", null, """{"whatever":1}"""), TestContext.Current.CancellationToken);
        var eventId = Guid.NewGuid();
        var json = $$"""{"eventId":"{{eventId}}","occurredAt":"2026-01-01T10:00:00+00:00","sequence":7,"message":"written outside Orleans"}""";
        await producer.ProduceAsync(topic, Record(key, "alert-raised", null, json), TestContext.Current.CancellationToken);

        var sink = RoomGrain.SinkKey(key);
        await Eventually.HoldsAsync(() => EventSink.Received(sink).Count >= 1, () => "the external record did not arrive");
        var received = Assert.Single(EventSink.Received(sink));
        var alert = Assert.IsType<AlertRaised>(received.Event);
        Assert.Equal(eventId, alert.EventId);
        Assert.Equal(7, alert.Sequence);
        Assert.Equal("written outside Orleans", alert.Message);
        await Eventually.HoldsAsync(() => skipped.Sum(topic) >= 1, () => "the unknown record was not reported");
    }

    private static Message<string, string> Record(string key, string type, string? eventId, string json)
    {
        var headers = new Headers
        {
            { KafkaStreamHeaders.EventType, Encoding.UTF8.GetBytes(type) },
            { KafkaStreamHeaders.ContentType, Encoding.UTF8.GetBytes("application/json") },
        };
        if (eventId is not null)
        {
            headers.Add(KafkaStreamHeaders.EventId, Encoding.UTF8.GetBytes(eventId));
        }

        return new Message<string, string> { Key = key, Value = json, Headers = headers };
    }

    private static string? Header(Headers headers, string name) =>
        headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
