using System.Text;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.Streaming.Kafka.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>
/// The adapter is rewindable: a subscription may start at an earlier sequence token (a record's offset) as long as the
/// event is still in the partition's cache, which holds an event at least until every subscriber of the partition is past
/// it (and, since the cache purges whole buckets, sometimes longer).
/// </summary>
[Collection(KafkaClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class KafkaStreamRewindTests(KafkaClusterFixture fixture)
{
    private KafkaTestCluster Cluster => fixture.Orleans;

    [Fact]
    public async Task ASubscriptionFromATokenStillInTheCacheReplaysTheEarlierEvents()
    {
        var run = Guid.NewGuid().ToString("N");
        var key = $"room-{run}";
        var fastKey = $"fast-{run}";
        var slowKey = $"slow-{run}";
        var lateKey = $"late-{run}";
        var publisher = Cluster.Client.GetGrain<IPublisherGrain>($"pub-{run}");
        await Cluster.Client.GetGrain<ISubscriberGrain>(fastKey).SubscribeAsync(TestStreams.Rewind, key);
        await Cluster.Client.GetGrain<ISubscriberGrain>(slowKey).SubscribeAsync(TestStreams.Rewind, key);

        // A slow subscriber takes events 0-1, then stays busy with event 2: its cursor points at 2, which keeps 2-9 in the
        // cache and their offsets uncommitted, while a fast subscriber gets all ten. (Holding it later, at 6, would not
        // pin 2: the events are separate records, and when the consumer fetches them in several polls under load the
        // subscriber can catch up between two, which lets the cache purge the older bucket — rightly, since every
        // subscriber was past it.)
        var release = EventSink.HoldAt(slowKey, sequence: 2);
        var events = TestStreams.Events(0, 10);
        try
        {
            await publisher.PublishAsync(TestStreams.Rewind, key, events);
            await Eventually.HoldsAsync(() => EventSink.Received(fastKey).Count >= 10, () => $"the fast subscriber got {EventSink.Received(fastKey).Count} of 10");
            await Eventually.HoldsAsync(() => EventSink.Received(slowKey).Count >= 2, () => $"the slow subscriber got {EventSink.Received(slowKey).Count} of 2");
            var earlier = EventSink.Received(fastKey)[2];
            Assert.Equal(2, earlier.Event.Sequence);
            Assert.NotNull(earlier.Token);

            // A new subscriber asks for everything from event 2 on, which the fast subscriber already had.
            await Cluster.Client.GetGrain<ISubscriberGrain>(lateKey).SubscribeFromAsync(TestStreams.Rewind, key, earlier.Token);
            await Eventually.HoldsAsync(() => EventSink.Received(lateKey).Count >= 8, () => $"the rewinding subscriber got {EventSink.Received(lateKey).Count} of 8");
            var replayed = EventSink.Received(lateKey);
            Assert.Equal(events[2..].Select(e => e.EventId), replayed.Select(r => r.Event.EventId));
            Assert.Equal(earlier.Token, replayed[0].Token);
            Assert.Equal(2, EventSink.Received(slowKey).Count);
        }
        finally
        {
            release.TrySetResult();
        }

        // All go on with new events, the slow one after catching up.
        var more = TestStreams.Events(10, 3);
        await publisher.PublishAsync(TestStreams.Rewind, key, more);
        await Eventually.HoldsAsync(
            () => EventSink.Received(slowKey).Count >= 13 && EventSink.Received(lateKey).Count >= 11 && EventSink.Received(fastKey).Count >= 13,
            () => $"slow {EventSink.Received(slowKey).Count} of 13, late {EventSink.Received(lateKey).Count} of 11, fast {EventSink.Received(fastKey).Count} of 13");
        Assert.Equal(events.Concat(more).Select(e => e.EventId), EventSink.Received(slowKey).Select(r => r.Event.EventId));
        Assert.Equal(events.Concat(more).Select(e => e.EventId), EventSink.Received(fastKey).Select(r => r.Event.EventId));
        Assert.Equal(events[2..].Concat(more).Select(e => e.EventId), EventSink.Received(lateKey).Select(r => r.Event.EventId));
    }

    [Fact]
    public async Task ATokenOlderThanTheCacheIsReportedAsASubscriptionFailureAndNewEventsStillFlow()
    {
        using var failures = new MetricRecorder(KafkaStreamInstruments.DeliveryFailures);
        var run = Guid.NewGuid().ToString("N");
        var key = $"room-{run}";
        var firstKey = $"first-{run}";
        var lateKey = $"late-{run}";
        var topic = Cluster.Topic(TestStreams.Rewind);
        var publisher = Cluster.Client.GetGrain<IPublisherGrain>($"pub-{run}");
        await Cluster.Client.GetGrain<ISubscriberGrain>(firstKey).SubscribeAsync(TestStreams.Rewind, key);
        var events = TestStreams.Events(0, 5);
        await publisher.PublishAsync(TestStreams.Rewind, key, events);
        await Eventually.HoldsAsync(() => EventSink.Received(firstKey).Count >= 5, () => $"{EventSink.Received(firstKey).Count} of 5");

        // Once every subscriber got them, the events leave the cache and their offsets are committed (lag 0).
        await WaitUntilCommittedAsync(topic, KafkaPartitioner.Partition(Encoding.UTF8.GetBytes(key), KafkaTestCluster.Partitions));
        var evicted = EventSink.Received(firstKey)[0].Token;
        Assert.NotNull(evicted);

        await Cluster.Client.GetGrain<ISubscriberGrain>(lateKey).SubscribeFromAsync(TestStreams.Rewind, key, evicted);

        // The requested token cannot be honoured (nothing is read back from Kafka): the failure handler reports it.
        await Eventually.HoldsAsync(() => failures.Sum(topic, "kind", "subscription") >= 1, () => "no subscription failure reported");

        // The subscription goes on with new events. (Orleans 10.4 also reports the first of them as a delivery failure
        // for this subscription, because the subscriber still expects the old token; from the next one on it gets all.)
        var more = TestStreams.Events(5, 4);
        await publisher.PublishAsync(TestStreams.Rewind, key, more);
        await Eventually.HoldsAsync(
            () => EventSink.Received(lateKey).Any(r => r.Event.EventId == more[^1].EventId),
            () => $"the late subscriber got {EventSink.Received(lateKey).Count} event(s), not the last new one");
        var received = EventSink.Received(lateKey).Select(r => r.Event.EventId).ToList();
        Assert.Equal(more.Select(e => e.EventId).TakeLast(received.Count), received);
        Assert.True(received.Count >= more.Length - 1, $"only {received.Count} of the {more.Length} new events reached the late subscriber");

        // The partition keeps flowing for everyone else.
        await Eventually.HoldsAsync(() => EventSink.Received(firstKey).Count >= 9, () => $"the first subscriber got {EventSink.Received(firstKey).Count} of 9");
    }

    private static async Task WaitUntilCommittedAsync(string topic, int partition)
    {
        using var lag = new MetricRecorder(KafkaStreamInstruments.ConsumerLag);
        await Eventually.HoldsAsync(() =>
        {
            lag.Clear();
            lag.Observe();
            var measured = lag.All.Where(m => (string?)m.Tags["topic"] == topic && Equals(m.Tags["partition"], partition)).ToList();
            return measured.Count > 0 && measured.All(m => m.Value == 0);
        }, () => $"{topic}[{partition}] still has undelivered events");
    }
}
