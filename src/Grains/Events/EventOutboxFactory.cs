using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Events;

/// <summary>What every grain's <see cref="EventOutbox"/> shares: the publisher, the log and the retry pace.</summary>
public sealed class EventOutboxFactory(IEventPublisher publisher, ILogger<EventOutbox> logger)
{
    /// <summary>How long after a failed publish the outbox tries again (doubling up to <see cref="MaxRetryDelay"/>).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>An outbox for <paramref name="grain"/> over the pending list of its state.</summary>
    /// <param name="grain">The owning grain (its timers retry a failed publish).</param>
    /// <param name="pending">The state's pending list (read each time: a state read replaces the object).</param>
    /// <param name="write">Writes the grain's state.</param>
    internal EventOutbox Create(Grain grain, Func<List<PendingEvent>> pending, Func<Task> write) => new(grain, publisher, pending, write, logger);
}
