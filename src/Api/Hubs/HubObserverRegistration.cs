using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// Keeps this host registered with the hub registry grain: registers at start, renews well within the
/// registration's lifetime, unregisters on shutdown. A failed renewal is logged and retried next period.
/// </summary>
internal sealed partial class HubObserverRegistration(IGrainFactory grains, HubObserver observer, ILogger<HubObserverRegistration> logger) : BackgroundService
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    private IHubObserver? _reference;

    private IHubRegistryGrain Registry => grains.GetGrain<IHubRegistryGrain>(SingletonKeys.Default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The reference must live as long as the host: the runtime only holds it weakly.
        _reference = grains.CreateObjectReference<IHubObserver>(observer);
        using var timer = new PeriodicTimer(RenewEvery);
        do
        {
            try
            {
                await Registry.RegisterAsync(_reference);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                LogRenewFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_reference is not null)
        {
            try
            {
                await Registry.UnregisterAsync(_reference).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException)
            {
                // The registration expires on its own; shutdown must not wait for a cluster that is going away.
                LogUnregisterFailed(logger, e);
            }
        }

        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this host's hub registration; alerts may not reach its dashboards until the next attempt.")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not unregister this host's hub observer; it will expire.")]
    private static partial void LogUnregisterFailed(ILogger logger, Exception exception);
}
