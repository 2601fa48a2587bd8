using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Events;

/// <summary>Publishes on the application's stream provider (memory streams or Kafka: configuration decides).</summary>
internal sealed class StreamEventPublisher(IServiceProvider services) : IEventPublisher
{
    // Resolved on first use: stream providers are built when the silo starts, after this singleton.
    private IStreamProvider? _provider;

    public Task PublishAsync(string streamNamespace, string key, DomainEvent domainEvent)
    {
        _provider ??= services.GetRequiredKeyedService<IStreamProvider>(StreamProviders.Default);
        return _provider.GetStream<DomainEvent>(StreamId.Create(streamNamespace, key)).OnNextAsync(domainEvent);
    }
}
