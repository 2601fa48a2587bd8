namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// The web hosts currently able to reach browsers (singleton, key <c>default</c>). Each host
/// re-registers periodically; registrations not renewed expire, so a dead host drops out.
/// </summary>
[Alias("pw.IHubRegistryGrain")]
public interface IHubRegistryGrain : IGrainWithStringKey
{
    /// <summary>Registers or renews a host's observer.</summary>
    [Alias("Register")]
    Task RegisterAsync(IHubObserver observer);

    /// <summary>Removes a host's observer (graceful shutdown).</summary>
    [Alias("Unregister")]
    Task UnregisterAsync(IHubObserver observer);

    /// <summary>The live observers.</summary>
    [Alias("GetObservers")]
    Task<IReadOnlyList<IHubObserver>> GetObserversAsync();
}
