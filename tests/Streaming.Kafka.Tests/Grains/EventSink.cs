using System.Collections.Concurrent;
using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>
/// Where test subscribers record deliveries. The test clusters run in this process, so a static store survives
/// grain deactivation and even a killed silo, which is exactly what the failover test needs; it also plays the
/// part of an idempotent handler's durable "seen event ids" store.
/// </summary>
public static class EventSink
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedEvent>> s_received = new();
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, byte>> s_processed = new();
    private static readonly ConcurrentDictionary<string, int> s_attempts = new();
    private static readonly ConcurrentDictionary<string, (int Sequence, TaskCompletionSource Release)> s_holds = new();

    /// <summary>Records a delivery; returns whether it is the first time this subscriber processes the event id.</summary>
    public static bool Record(string subscriber, string streamKey, RoomEvent evt, string silo, StreamSequenceToken? token = null)
    {
        s_received.GetOrAdd(subscriber, _ => new()).Enqueue(new ReceivedEvent(subscriber, streamKey, evt, silo, token));
        return s_processed.GetOrAdd(subscriber, _ => new()).TryAdd(evt.EventId, 0);
    }

    /// <summary>Counts a delivery attempt (for subscribers that fail).</summary>
    public static void Attempt(string subscriber) => s_attempts.AddOrUpdate(subscriber, 1, (_, n) => n + 1);

    /// <summary>Every delivery to <paramref name="subscriber"/>, duplicates included, in arrival order.</summary>
    public static IReadOnlyList<ReceivedEvent> Received(string subscriber) =>
        s_received.TryGetValue(subscriber, out var queue) ? [.. queue] : [];

    /// <summary>The distinct event ids <paramref name="subscriber"/> processed (what an idempotent handler applies).</summary>
    public static IReadOnlyCollection<Guid> Processed(string subscriber) =>
        s_processed.TryGetValue(subscriber, out var set) ? [.. set.Keys] : [];

    /// <summary>How often delivery to <paramref name="subscriber"/> was attempted.</summary>
    public static int Attempts(string subscriber) => s_attempts.TryGetValue(subscriber, out var n) ? n : 0;

    /// <summary>
    /// Makes <paramref name="subscriber"/> stop before processing the event with sequence <paramref name="sequence"/>
    /// until the returned source is completed: a slow subscriber, whose cursor keeps that event in the cache.
    /// </summary>
    public static TaskCompletionSource HoldAt(string subscriber, int sequence)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s_holds[subscriber] = (sequence, release);
        return release;
    }

    /// <summary>Waits while <paramref name="subscriber"/> is held at <paramref name="sequence"/> (see <see cref="HoldAt"/>).</summary>
    public static Task WaitIfHeldAsync(string subscriber, int sequence) =>
        s_holds.TryGetValue(subscriber, out var hold) && hold.Sequence == sequence ? hold.Release.Task : Task.CompletedTask;
}
