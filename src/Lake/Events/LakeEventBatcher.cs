using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Lake.Events;

/// <summary>
/// Collects domain events and lands them in batches: when <see cref="LakeOptions.BatchSize"/> events wait, or when the
/// oldest has waited <see cref="LakeOptions.FlushInterval"/>. Every flush returns only after its files are durable and
/// says which events it made durable (<see cref="LakeFlushResult.Durable"/>): a stream subscription or a Kafka consumer
/// acknowledges or commits those and nothing else. A failed flush throws and keeps the events it could not write, so the
/// next flush retries them; nothing unacknowledged is lost, and what is redelivered anyway is removed by the jobs by
/// <c>event_id</c>.
/// </summary>
/// <remarks>
/// The batcher has no timer of its own: the host calls <see cref="FlushIfDueAsync"/> periodically (a grain timer, the
/// consumer's poll loop) and <see cref="FlushAsync"/> when it stops. Calls are serialized, so a timer and a consumer
/// may share one batcher.
/// </remarks>
public sealed class LakeEventBatcher(ParquetEventWriter writer, IOptions<LakeOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<DomainEvent> _pending = [];
    private readonly HashSet<Guid> _pendingIds = [];
    private DateTimeOffset? _oldestSince;

    /// <summary>Events waiting for a flush.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>When the waiting events must be flushed by age; null when none wait.</summary>
    public DateTimeOffset? FlushDueAt => _oldestSince + options.Value.FlushInterval;

    /// <summary>Whether a stream item is a fact the lake lands (UI snapshots such as <c>SessionChanged</c> are not).</summary>
    public static bool Lands(object item) => item is DomainEvent e && LakeLayout.Lands(e.GetType());

    /// <summary>
    /// Adds a stream item; flushes (and awaits durability) when the batch is full or due. Items that are not facts
    /// (<see cref="RoomEvent"/>s) are ignored, and so is an event already waiting (same <c>EventId</c>).
    /// </summary>
    /// <returns>What a flush made durable, or <see cref="LakeFlushResult.Empty"/> when none ran.</returns>
    /// <exception cref="ArgumentException">A domain event type the lake has no place for.</exception>
    public async Task<LakeFlushResult> AddAsync(object item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is not DomainEvent domainEvent)
        {
            return LakeFlushResult.Empty;
        }

        // Fail now, not at the flush: an event the writer cannot place would block the batch.
        _ = LakeLayout.NamespaceOf(domainEvent.GetType());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_pendingIds.Add(domainEvent.EventId))
            {
                _pending.Add(domainEvent);
                _oldestSince ??= clock.GetUtcNow();
            }

            return _pending.Count >= options.Value.BatchSize || IsDue()
                ? await FlushLockedAsync(cancellationToken)
                : LakeFlushResult.Empty;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Flushes when the oldest waiting event has waited <see cref="LakeOptions.FlushInterval"/>.</summary>
    public async Task<LakeFlushResult> FlushIfDueAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return IsDue() ? await FlushLockedAsync(cancellationToken) : LakeFlushResult.Empty;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Flushes whatever waits (at shutdown, before a consumer gives its partitions up).</summary>
    public async Task<LakeFlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await FlushLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private bool IsDue() => _oldestSince is { } since && clock.GetUtcNow() - since >= options.Value.FlushInterval;

    private async Task<LakeFlushResult> FlushLockedAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return LakeFlushResult.Empty;
        }

        try
        {
            var result = await writer.WriteAsync([.. _pending], cancellationToken);
            Forget(result.Durable);
            return result;
        }
        catch (LakeWriteException e)
        {
            // The files published before the failure stay published: those events are durable, the rest wait for
            // the next flush. The exception still reaches the caller, who acknowledges nothing from this call.
            Forget(e.Durable);
            throw;
        }
    }

    private void Forget(IReadOnlyList<DomainEvent> durable)
    {
        var done = durable.Select(e => e.EventId).ToHashSet();
        _pending.RemoveAll(e => done.Contains(e.EventId));
        _pendingIds.ExceptWith(done);
        if (_pending.Count == 0)
        {
            _oldestSince = null;
        }
    }
}
