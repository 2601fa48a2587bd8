using Orleans.Streams;
using Orleans.Streams.Core;

namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>
/// Implicitly subscribed to the alerts and external namespaces, like the application's room grain. Records each
/// delivery under <c>room:{key}</c>.
/// </summary>
[ImplicitStreamSubscription(TestStreams.Alerts)]
[ImplicitStreamSubscription(TestStreams.External)]
public sealed class RoomGrain : Grain, IRoomGrain, IStreamSubscriptionObserver
{
    /// <summary>The sink key of the room grain for <paramref name="streamKey"/>.</summary>
    public static string SinkKey(string streamKey) => $"room:{streamKey}";

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<RoomEvent>().ResumeAsync((evt, _) =>
        {
            EventSink.Record(SinkKey(this.GetPrimaryKeyString()), this.GetPrimaryKeyString(), evt, RuntimeIdentity);
            return Task.CompletedTask;
        });
}
