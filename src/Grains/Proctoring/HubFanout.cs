using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Proctoring;

/// <summary>
/// Sends to every web host's observer, with the registry's list cached for a few seconds so a burst
/// costs one registry call, not one per message.
/// </summary>
internal sealed class HubFanout(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan s_cacheFor = TimeSpan.FromSeconds(5);
    private IReadOnlyList<IHubObserver> _observers = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async Task SendAsync(Func<IHubObserver, Task> send)
    {
        var now = clock.GetUtcNow();
        if (now - _fetchedAt > s_cacheFor)
        {
            _observers = await grains.GetGrain<IHubRegistryGrain>(SingletonKeys.Default).GetObserversAsync();
            _fetchedAt = now;
        }

        // Observer calls are one-way: they return once queued, whatever the host does with them.
        foreach (var observer in _observers)
        {
            await send(observer);
        }
    }
}
