using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.Streaming.Kafka.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>Delivery through Kafka between grains on different silos, explicit and implicit subscriptions.</summary>
[Collection(KafkaClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class KafkaStreamDeliveryTests(KafkaClusterFixture fixture)
{
    private const int EventsPerStream = 40;

    private KafkaTestCluster Cluster => fixture.Orleans;

    [Fact]
    public async Task EveryEventArrivesOnceInOrderPerKeyOnAnotherSilo()
    {
        var run = Guid.NewGuid().ToString("N");
        var publisher = Cluster.Client.GetGrain<IPublisherGrain>($"pub-{run}");
        var publisherSilo = await publisher.GetSiloAsync();
        var subscriber = await Cluster.SubscriberAwayFromAsync(publisherSilo, $"sub-{run}");
        var subscriberKey = subscriber.GetPrimaryKeyString();
        var keys = Enumerable.Range(0, 4).Select(i => $"room-{run}-{i}").ToArray();
        foreach (var key in keys)
        {
            await subscriber.SubscribeAsync(TestStreams.Sessions, key);
        }

        var published = keys.ToDictionary(key => key, _ => TestStreams.Events(0, EventsPerStream));
        await Task.WhenAll(keys.Select(key => publisher.PublishAsync(TestStreams.Sessions, key, published[key])));

        var expected = keys.Length * EventsPerStream;
        await Eventually.HoldsAsync(() => EventSink.Received(subscriberKey).Count >= expected, () => $"{EventSink.Received(subscriberKey).Count} of {expected} events");

        // A later event on every key: a key's events arrive in order, so once each has its last one, a
        // duplicate of an earlier event would have arrived before it.
        var last = keys.ToDictionary(key => key, _ => TestStreams.Events(EventsPerStream, 1));
        await Task.WhenAll(keys.Select(key => publisher.PublishAsync(TestStreams.Sessions, key, last[key])));
        await Eventually.HoldsAsync(
            () => keys.All(key => EventSink.Received(subscriberKey).Any(r => r.Event.EventId == last[key][0].EventId)),
            () => $"{keys.Count(key => EventSink.Received(subscriberKey).Any(r => r.Event.EventId == last[key][0].EventId))} of {keys.Length} last events");
        foreach (var key in keys)
        {
            published[key] = [.. published[key], .. last[key]];
        }

        expected += keys.Length;
        Assert.Equal(expected, EventSink.Received(subscriberKey).Count);

        var received = EventSink.Received(subscriberKey);
        Assert.All(received, r => Assert.NotEqual(publisherSilo, r.Silo));
        Assert.Equal(expected, received.Select(r => r.Event.EventId).Distinct().Count());
        foreach (var key in keys)
        {
            var forKey = received.Where(r => r.StreamKey == key).Select(r => r.Event).ToList();
            Assert.Equal(published[key].Select(e => e.EventId), forKey.Select(e => e.EventId));
            Assert.Equal(published[key].Select(e => e.GetType()), forKey.Select(e => e.GetType()));
        }
    }

    [Fact]
    public async Task TwoSubscribersOfOneStreamEachReceiveEveryEvent()
    {
        var run = Guid.NewGuid().ToString("N");
        var key = $"room-{run}";
        var first = Cluster.Client.GetGrain<ISubscriberGrain>($"fan-a-{run}");
        var second = Cluster.Client.GetGrain<ISubscriberGrain>($"fan-b-{run}");
        await first.SubscribeAsync(TestStreams.Sessions, key);
        await second.SubscribeAsync(TestStreams.Sessions, key);

        var events = TestStreams.Events(0, 20);
        await Cluster.Client.GetGrain<IPublisherGrain>($"pub-{run}").PublishAsync(TestStreams.Sessions, key, events);

        foreach (var subscriber in new[] { $"fan-a-{run}", $"fan-b-{run}" })
        {
            await Eventually.HoldsAsync(() => EventSink.Received(subscriber).Count >= events.Length, () => $"{subscriber}: {EventSink.Received(subscriber).Count} of {events.Length}");
            Assert.Equal(events.Select(e => e.EventId), EventSink.Received(subscriber).Select(r => r.Event.EventId));
        }
    }

    [Fact]
    public async Task ImplicitSubscriberReceivesConcreteTypesOfTheAbstractStream()
    {
        var key = $"slot-{Guid.NewGuid():N}";
        var events = TestStreams.Events(0, 10);
        await Cluster.Client.GetGrain<IPublisherGrain>($"pub-{key}").PublishAsync(TestStreams.Alerts, key, events);

        var sink = RoomGrain.SinkKey(key);
        await Eventually.HoldsAsync(() => EventSink.Received(sink).Count >= events.Length, () => $"{EventSink.Received(sink).Count} of {events.Length}");
        var received = EventSink.Received(sink).Select(r => r.Event).ToList();
        Assert.Equal(events, received);
        Assert.Contains(received, e => e is AlertRaised { Message: "alert 0" });
        Assert.Contains(received, e => e is SessionChanged { Status: "InProgress" });
    }

    [Fact]
    public async Task ClientPublishedEventsReachImplicitSubscribers()
    {
        var key = $"slot-{Guid.NewGuid():N}";
        var stream = Cluster.Client.GetStreamProvider(TestStreams.Provider).GetStream<RoomEvent>(StreamId.Create(TestStreams.Alerts, key));
        var events = TestStreams.Events(0, 5);
        foreach (var evt in events)
        {
            await stream.OnNextAsync(evt);
        }

        var sink = RoomGrain.SinkKey(key);
        await Eventually.HoldsAsync(() => EventSink.Received(sink).Count >= events.Length, () => $"{EventSink.Received(sink).Count} of {events.Length}");
        Assert.Equal(events.Select(e => e.EventId), EventSink.Received(sink).Select(r => r.Event.EventId));
    }

    [Fact]
    public async Task PublishingOnAnUnservedNamespaceFailsVisibly()
    {
        var stream = Cluster.Client.GetStreamProvider(TestStreams.Provider).GetStream<RoomEvent>(StreamId.Create("not-configured", "x"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => stream.OnNextAsync(TestStreams.Events(0, 1)[0]));
        Assert.Contains("not-configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsCountProducedAndConsumedEventsAndReportLagPerPartition()
    {
        using var produced = new MetricRecorder(KafkaStreamInstruments.EventsProduced);
        using var consumed = new MetricRecorder(KafkaStreamInstruments.EventsConsumed);
        using var lag = new MetricRecorder(KafkaStreamInstruments.ConsumerLag);
        var key = $"slot-{Guid.NewGuid():N}";
        var topic = Cluster.Topic(TestStreams.Alerts);
        await Cluster.Client.GetGrain<IPublisherGrain>($"pub-{key}").PublishAsync(TestStreams.Alerts, key, TestStreams.Events(0, 5));

        await Eventually.HoldsAsync(() => EventSink.Received(RoomGrain.SinkKey(key)).Count >= 5, () => "events did not arrive");
        Assert.True(produced.Sum(topic) >= 5);
        await Eventually.HoldsAsync(() => consumed.Sum(topic) >= 5, () => $"consumed {consumed.Sum(topic)}");
        await Eventually.HoldsAsync(() =>
        {
            lag.Observe();
            return lag.All.Any(m => (string?)m.Tags["topic"] == topic && m.Tags.ContainsKey("partition"));
        }, () => "no consumer lag measurement for the topic");
    }

    [Fact]
    public async Task ThePartitionsOwnedGaugeCountsEveryPartitionOnceOverTheSilos()
    {
        using var owned = new MetricRecorder(KafkaStreamInstruments.PartitionsOwned);
        await Eventually.HoldsAsync(() =>
        {
            owned.Clear();
            owned.Observe();
            return TestStreams.All.All(ns => owned.Sum(Cluster.Topic(ns)) == KafkaTestCluster.Partitions);
        }, () => string.Join(", ", TestStreams.All.Select(ns => $"{ns}: {owned.Sum(Cluster.Topic(ns))}")));

        // Both silos of the fixture read some of them (each silo has its own meter instance).
        Assert.Equal(2, owned.All.Where(m => ((string)m.Tags["topic"]!).StartsWith(Cluster.TopicPrefix, StringComparison.Ordinal)).Select(m => m.Meter).Distinct().Count());
    }
}
