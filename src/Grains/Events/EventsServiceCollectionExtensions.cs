using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Events;

/// <summary>Registers what the grains' outboxes need.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>Domain events go to the application's stream provider unless a host registered another publisher.</summary>
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<IEventPublisher, StreamEventPublisher>();
        services.TryAddSingleton<EventOutboxFactory>();
        return services;
    }
}
