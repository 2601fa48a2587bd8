using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.Streaming.Kafka.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>A subscriber that throws is retried, then reported; the partition keeps flowing.</summary>
[Collection(KafkaClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class KafkaStreamFailureHandlingTests(KafkaClusterFixture fixture)
{
    [Fact]
    public async Task ThrowingSubscriberIsRetriedThenReportedByTheFailureHandler()
    {
        using var failures = new MetricRecorder(KafkaStreamInstruments.DeliveryFailures);
        var cluster = fixture.Orleans;
        var run = Guid.NewGuid().ToString("N");
        var key = $"bad-{run}";
        var throwing = cluster.Client.GetGrain<IThrowingSubscriberGrain>($"throwing-{run}");
        await throwing.SubscribeAsync(TestStreams.Failures, key);

        await cluster.Client.GetGrain<IPublisherGrain>($"pub-{run}").PublishAsync(TestStreams.Failures, key, TestStreams.Events(0, 1));

        var topic = cluster.Topic(TestStreams.Failures);
        await Eventually.HoldsAsync(() => failures.Sum(topic) >= 1, () => $"no delivery failure reported for {topic}; {EventSink.Attempts($"throwing-{run}")} attempt(s)");
        Assert.True(EventSink.Attempts($"throwing-{run}") > 1, "the failing delivery was not retried");

        // The failed event does not block the partition: a healthy subscriber on the same namespace still gets events.
        var healthyKey = $"good-{run}";
        var healthy = cluster.Client.GetGrain<ISubscriberGrain>($"healthy-{run}");
        await healthy.SubscribeAsync(TestStreams.Failures, healthyKey);
        await cluster.Client.GetGrain<IPublisherGrain>($"pub-{run}").PublishAsync(TestStreams.Failures, healthyKey, TestStreams.Events(0, 3));
        await Eventually.HoldsAsync(() => EventSink.Received($"healthy-{run}").Count >= 3, () => $"{EventSink.Received($"healthy-{run}").Count} of 3");
    }
}
