using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Events;

/// <summary>
/// A grain's outbox (docs/events.md): an event is added to the state's pending list before the state is
/// written, so the fact and the change are saved together; it is published after the write and dropped
/// once its stream took it. A failed publish is retried on a timer that keeps the grain active, and
/// whatever is still pending is published again when the grain next activates. Events therefore arrive
/// at least once, in order per grain; consumers deduplicate by <see cref="DomainEvent.EventId"/>. Dropping
/// published events is written with the grain's next write (or at deactivation), not at once: a crash in
/// between only republishes them.
/// </summary>
public sealed partial class EventOutbox
{
    private readonly Grain _grain;
    private readonly IEventPublisher _publisher;
    private readonly Func<List<PendingEvent>> _pending;
    private readonly Func<Task> _write;
    private readonly ILogger _logger;
    private IGrainTimer? _retry;
    private TimeSpan _retryDelay = EventOutboxFactory.FirstRetryDelay;
    private bool _dropsUnwritten;

    internal EventOutbox(Grain grain, IEventPublisher publisher, Func<List<PendingEvent>> pending, Func<Task> write, ILogger logger)
    {
        _grain = grain;
        _publisher = publisher;
        _pending = pending;
        _write = write;
        _logger = logger;
    }

    /// <summary>Events saved but not yet taken by their stream.</summary>
    public int Pending => _pending().Count;

    /// <summary>Records <paramref name="domainEvent"/> for the next write.</summary>
    public void Add(string streamNamespace, string key, DomainEvent domainEvent) =>
        _pending().Add(new PendingEvent { Namespace = streamNamespace, Key = key, Event = domainEvent });

    /// <summary>Writes the state (with what was added) and publishes.</summary>
    public async Task CommitAsync()
    {
        await _write();
        _dropsUnwritten = false;
        await PublishAsync();
    }

    /// <summary>Publishes what an earlier activation left pending.</summary>
    public Task OnActivateAsync() => _pending().Count > 0 ? PublishAsync() : Task.CompletedTask;

    /// <summary>Writes the removal of published events, so a later activation does not publish them again.</summary>
    public async Task OnDeactivateAsync()
    {
        if (_dropsUnwritten)
        {
            _dropsUnwritten = false;
            await _write();
        }
    }

    /// <summary>Publishes pending events in order; stops at the first failure and retries later.</summary>
    public async Task PublishAsync()
    {
        var pending = _pending();
        while (pending.Count > 0)
        {
            var next = pending[0];
            try
            {
                await _publisher.PublishAsync(next.Namespace, next.Key, next.Event);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not lost: it stays in the saved state, the timer retries and the next activation would too.
                LogPublishFailed(_logger, e, next.Event.GetType().Name, next.Event.EventId, _retryDelay);
                ScheduleRetry();
                return;
            }

            pending.RemoveAt(0);
            _dropsUnwritten = true;
        }

        _retryDelay = EventOutboxFactory.FirstRetryDelay;
        _retry?.Dispose();
        _retry = null;
    }

    private void ScheduleRetry()
    {
        var due = _retryDelay;
        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, EventOutboxFactory.MaxRetryDelay.Ticks));
        if (_retry is null)
        {
            _retry = _grain.RegisterGrainTimer(_ => PublishAsync(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _retry.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventType} {EventId} failed; it stays in the outbox and is retried in {Delay}.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string eventType, Guid eventId, TimeSpan delay);
}
