using Orleans.Streams;
using Orleans.Streams.Core;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.TestSupport.Cluster;

/// <summary>
/// A consumer like the lake's will be: an implicit subscription to every fact namespace, one activation per stream
/// key. It keeps every delivery (a test deduplicates by event id as a real consumer must).
/// </summary>
[ImplicitStreamSubscription(StreamNamespaces.Exams)]
[ImplicitStreamSubscription(StreamNamespaces.Bookings)]
[ImplicitStreamSubscription(StreamNamespaces.Sessions)]
[ImplicitStreamSubscription(StreamNamespaces.Submissions)]
[ImplicitStreamSubscription(StreamNamespaces.Users)]
[ImplicitStreamSubscription(StreamNamespaces.Analytics)]
public sealed class EventProbeGrain : Grain, IEventProbeGrain, IStreamSubscriptionObserver
{
    private readonly List<ReceivedEvent> _received = [];

    public Task<IReadOnlyList<ReceivedEvent>> ReceivedAsync() => Task.FromResult<IReadOnlyList<ReceivedEvent>>([.. _received]);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var streamNamespace = handleFactory.StreamId.GetNamespace() ?? string.Empty;
        var handle = handleFactory.Create<DomainEvent>();
        await handle.ResumeAsync((e, _) =>
        {
            _received.Add(new ReceivedEvent(streamNamespace, e));
            return Task.CompletedTask;
        });
    }
}
