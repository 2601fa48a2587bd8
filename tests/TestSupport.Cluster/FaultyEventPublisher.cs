using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Ports;

namespace ProctorWise.TestSupport.Cluster;

/// <summary>
/// Publishes like the production publisher, except for the stream keys a test told it to fail: a publish
/// for such a key throws (as a broker that does not answer would) while its remaining failures last.
/// Shared by every silo of the process, so a test picks keys no other test uses.
/// </summary>
public sealed class FaultyEventPublisher(IServiceProvider services) : IEventPublisher
{
    private static readonly ConcurrentDictionary<string, int> s_failures = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="times"/> publishes on stream key <paramref name="key"/> fail.</summary>
    public static void Fail(string key, int times) => s_failures[key] = times;

    /// <summary>Publishes on <paramref name="key"/> work again.</summary>
    public static void Heal(string key) => s_failures.TryRemove(key, out _);

    /// <summary>Publishes that failed so far, by key.</summary>
    public static ConcurrentDictionary<string, int> Failed { get; } = new(StringComparer.Ordinal);

    public Task PublishAsync(string streamNamespace, string key, DomainEvent domainEvent)
    {
        if (s_failures.TryGetValue(key, out var left) && left > 0)
        {
            s_failures[key] = left - 1;
            Failed.AddOrUpdate(key, 1, (_, n) => n + 1);
            throw new TimeoutException($"Test: publishing on {streamNamespace}/{key} fails.");
        }

        var provider = services.GetRequiredKeyedService<IStreamProvider>(StreamProviders.Default);
        return provider.GetStream<DomainEvent>(StreamId.Create(streamNamespace, key)).OnNextAsync(domainEvent);
    }
}
