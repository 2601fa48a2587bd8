using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.Streaming.Kafka.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>A silo dies while events flow: its partitions move to the survivors and nothing acknowledged is lost.</summary>
[Trait("Category", "Integration")]
public sealed class KafkaStreamFailoverTests
{
    [Fact]
    public async Task KillingASiloLosesNoAcknowledgedEvent()
    {
        using var kafka = new KafkaMockCluster();
        await using var cluster = await KafkaTestCluster.StartAsync(kafka, silos: 3);
        var victim = cluster.Cluster.Silos[1];
        var survivors = cluster.Cluster.Silos.Where(s => s != victim).ToList();

        // One Orleans queue per partition, balanced: every partition is read by exactly one silo, every silo reads some.
        Assert.Equal(3, cluster.Cluster.Silos.Count);
        Assert.True(cluster.IsBalancedOver(cluster.Cluster.Silos), KafkaTestCluster.DescribeOwnership(cluster.Cluster.Silos));

        var run = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(0, 8).Select(i => $"slot-{run}-{i}").ToArray();
        var provider = cluster.Client.GetStreamProvider(TestStreams.Provider);
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<Guid, string>();
        using var stop = new CancellationTokenSource();

        // Publishers on the client write straight to Kafka: a completed OnNextAsync means Kafka acknowledged the event.
        var publishers = keys.Select(key => Task.Run(async () =>
        {
            var stream = provider.GetStream<RoomEvent>(StreamId.Create(TestStreams.Alerts, key));
            for (var i = 0; !stop.IsCancellationRequested && i < 10_000; i++)
            {
                var evt = TestStreams.Events(i, 1)[0];
                await stream.OnNextAsync(evt);
                acknowledged[evt.EventId] = key;
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        })).ToList();

        await Eventually.HoldsAsync(() => keys.All(k => EventSink.Received(RoomGrain.SinkKey(k)).Count > 5), () => "events did not start flowing");
        var victimOwned = KafkaTestCluster.OwnedPartitions(victim);
        Assert.NotEmpty(victimOwned);
        var atKill = acknowledged.Count;
        await cluster.Cluster.KillSiloAsync(victim, TestContext.Current.CancellationToken);

        // The survivors take over the dead silo's partitions: again each partition is read by exactly one silo.
        await Eventually.HoldsAsync(
            () => survivors.SelectMany(KafkaTestCluster.OwnedPartitions).Order().SequenceEqual(cluster.AllPartitions),
            () => $"after the kill: {KafkaTestCluster.DescribeOwnership(survivors)}; the dead silo had {string.Join(", ", victimOwned)}");
        await Eventually.HoldsAsync(() => acknowledged.Count > atKill + 200, () => $"{acknowledged.Count - atKill} events published after the kill");
        await stop.CancelAsync();
        await Task.WhenAll(publishers);

        foreach (var key in keys)
        {
            var expected = acknowledged.Where(a => a.Value == key).Select(a => a.Key).ToHashSet();
            var sink = RoomGrain.SinkKey(key);
            await Eventually.HoldsAsync(
                () => expected.IsSubsetOf(EventSink.Received(sink).Select(r => r.Event.EventId)),
                () => $"{key}: {expected.Except(EventSink.Received(sink).Select(r => r.Event.EventId)).Count()} of {expected.Count} acknowledged events missing");

            // Duplicates are allowed after a crash; a handler deduplicating by event id applies each event once.
            Assert.Equal(expected.Count, EventSink.Processed(sink).Count);
        }
    }
}
