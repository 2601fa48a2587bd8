using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Grains.Ports;

/// <summary>Puts a domain event on the stream of its namespace; throws when the stream provider did not take it.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes <paramref name="domainEvent"/> on stream <paramref name="streamNamespace"/>/<paramref name="key"/>.</summary>
    Task PublishAsync(string streamNamespace, string key, DomainEvent domainEvent);
}
