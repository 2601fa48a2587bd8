using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Orleans' ADO.NET grain storage with the driver's exceptions replaced by <see cref="StorageUnavailableException"/>:
/// a MySqlException cannot be deserialized by a client-mode API host, which then answered 500 to a database
/// blip (docs/perf/cluster-faults-2026-12-06.md). Reads fail this way too, so an activation that cannot load its
/// state is refused with a reason the caller understands. The original is logged here with its stack.
/// </summary>
internal sealed partial class FaultTranslatingGrainStorage(IGrainStorage inner, string name, ILogger<FaultTranslatingGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(() => inner.ReadStateAsync(stateName, grainId, grainState), "read", stateName, grainId);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(() => inner.WriteStateAsync(stateName, grainId, grainState), "write", stateName, grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(() => inner.ClearStateAsync(stateName, grainId, grainState), "clear", stateName, grainId);

    /// <summary>The ADO.NET provider initialises itself (reads its queries) in the silo lifecycle.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task TranslateAsync(Func<Task> operation, string verb, string stateName, GrainId grainId)
    {
        try
        {
            await operation();
        }
        catch (Exception e) when (IsDriverFault(e))
        {
            LogFault(logger, name, verb, stateName, grainId, e);
            throw new StorageUnavailableException();
        }
    }

    /// <summary>The driver's exception, raised directly or wrapped by the provider (it wraps some in OrleansException).</summary>
    internal static bool IsDriverFault(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {Provider} could not {Verb} {StateName} of {GrainId}; the caller is told to retry.")]
    private static partial void LogFault(ILogger logger, string provider, string verb, string stateName, GrainId grainId, Exception exception);
}

/// <summary>Wraps a registered grain storage provider in <see cref="FaultTranslatingGrainStorage"/>.</summary>
internal static class FaultTranslatingGrainStorageExtensions
{
    /// <summary>
    /// Replaces the keyed <see cref="IGrainStorage"/> registered last under <paramref name="name"/> by the decorator.
    /// Orleans' lifecycle registration resolves that key and casts it, which the decorator supports by forwarding.
    /// </summary>
    public static ISiloBuilder TranslateStorageFaults(this ISiloBuilder silo, string name)
    {
        var services = silo.Services;
        var provider = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        var create = provider.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"Grain storage '{name}' is not registered by a factory; {nameof(FaultTranslatingGrainStorage)} cannot wrap it.");
        services.Remove(provider);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => new FaultTranslatingGrainStorage(
            (IGrainStorage)create(sp, key), name, sp.GetRequiredService<ILogger<FaultTranslatingGrainStorage>>()));
        return silo;
    }
}
