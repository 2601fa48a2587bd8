using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Proctoring;

/// <inheritdoc cref="IHubRegistryGrain"/>
/// <remarks>
/// Not persisted on purpose: web hosts re-register every few seconds, so after a restart the list is
/// complete again within one period (the GPSTracker HubListGrain pattern).
/// </remarks>
public sealed class HubRegistryGrain(ILogger<HubRegistryGrain> logger) : Grain, IHubRegistryGrain
{
    /// <summary>How long a registration lives without renewal.</summary>
    public static readonly TimeSpan Expiration = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IHubObserver> _observers = new(Expiration, logger);

    public Task RegisterAsync(IHubObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(IHubObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IHubObserver>> GetObserversAsync()
    {
        _observers.ClearExpired();
        IReadOnlyList<IHubObserver> live = [.. _observers];
        return Task.FromResult(live);
    }
}
