using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.Streaming.Kafka.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>Every broker of the mock is taken down (librdkafka's mock API), then brought back.</summary>
[Trait("Category", "Integration")]
public sealed class KafkaBrokerOutageTests
{
    [Fact]
    public async Task PublishingFailsVisiblyWhileBrokersAreDownAndDeliveryResumesAfter()
    {
        using var kafka = new KafkaMockCluster();
        await using var cluster = await KafkaTestCluster.StartAsync(kafka, silos: 1, options => options.ProduceTimeout = TimeSpan.FromSeconds(2));
        var key = $"slot-{Guid.NewGuid():N}";
        var publisher = cluster.Client.GetGrain<IPublisherGrain>($"pub-{key}");
        var sink = RoomGrain.SinkKey(key);
        var before = TestStreams.Events(0, 1);
        await publisher.PublishAsync(TestStreams.Alerts, key, before);
        await Eventually.HoldsAsync(() => EventSink.Received(sink).Count >= 1, () => "the first event did not arrive");

        foreach (var broker in kafka.BrokerIds)
        {
            kafka.SetBrokerDown(broker);
        }

        var error = await Assert.ThrowsAsync<KafkaStreamPublishException>(() => publisher.PublishAsync(TestStreams.Alerts, key, TestStreams.Events(1, 1)));
        Assert.Equal("Local_MsgTimedOut", error.ErrorCode);
        Assert.Equal(cluster.Topic(TestStreams.Alerts), error.Topic);

        foreach (var broker in kafka.BrokerIds)
        {
            kafka.SetBrokerUp(broker);
        }

        var after = TestStreams.Events(2, 3);
        await publisher.PublishAsync(TestStreams.Alerts, key, after);
        await Eventually.HoldsAsync(
            () => after.All(e => EventSink.Received(sink).Any(r => r.Event.EventId == e.EventId)),
            () => $"{EventSink.Received(sink).Count} event(s) received after the brokers came back");
    }
}
