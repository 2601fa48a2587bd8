using Orleans.Streams;
using Orleans.Streams.Core;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Lake;

/// <summary>
/// The lake's consumer when streams are in memory: an implicit subscription to every fact namespace (one activation
/// per stream key) that hands each fact to this silo's <see cref="ILakeEventSink"/>. With Kafka the composition leaves
/// this grain out and a consumer group reads the topics instead, so nothing is written twice.
/// </summary>
[ImplicitStreamSubscription(typeof(FactNamespacesPredicate))]
public sealed class LakeIngestGrain(ILakeEventSink sink) : Grain, ILakeIngestGrain, IStreamSubscriptionObserver
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var handle = handleFactory.Create<DomainEvent>();
        await handle.ResumeAsync((domainEvent, _) => sink.AcceptAsync(domainEvent).AsTask());
    }
}
