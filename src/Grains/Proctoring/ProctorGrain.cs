using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Proctoring;

/// <inheritdoc cref="IProctorGrain"/>
/// <remarks>
/// Events from the room streams are pushed to dashboards in batches: an event after a quiet period goes
/// out at once; events that follow within <see cref="FlushDelay"/> wait for the end of that window and go
/// out together in one observer call, with only the latest state of each session. Alerts are idempotent
/// by id, so a redelivered event changes nothing.
/// </remarks>
public sealed class ProctorGrain(
    [PersistentState(StateNames.Proctor, StorageNames.Default)] IPersistentState<ProctorState> proctor,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IProctorGrain
{
    public const int InboxSize = 500;

    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, ProctorAlert> _pendingAlerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionLiveView> _pendingSessions = new(StringComparer.Ordinal);
    private HubFanout? _fanout;
    private IGrainTimer? _flush;
    private long _lastFlush;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _fanout = new HubFanout(GrainFactory, clock);
        foreach (var room in proctor.State.Rooms)
        {
            await SubscribeAsync(room);
        }
    }

    public async Task AddRoomAsync(string slotId)
    {
        if (proctor.State.Rooms.Add(slotId))
        {
            await proctor.WriteStateAsync();
            await SubscribeAsync(slotId);
        }
    }

    public async Task RemoveRoomAsync(string slotId)
    {
        // The room's alerts (student names, reasons) leave with the right to see them.
        var removedRoom = proctor.State.Rooms.Remove(slotId);
        var removedAlerts = proctor.State.Alerts.RemoveAll(a => a.SlotId == slotId) > 0;
        foreach (var pending in _pendingAlerts.Values.Where(a => a.SlotId == slotId).ToList())
        {
            _pendingAlerts.Remove(pending.AlertId);
        }

        if (removedRoom || removedAlerts)
        {
            await proctor.WriteStateAsync();
        }

        foreach (var handle in await RoomStream(slotId).GetAllSubscriptionHandles())
        {
            await handle.UnsubscribeAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListRoomsAsync(Caller caller)
    {
        EnsureSelf(caller);
        IReadOnlyList<string> rooms = [.. proctor.State.Rooms.Order(StringComparer.Ordinal)];
        return Task.FromResult(rooms);
    }

    public Task<IReadOnlyList<ProctorAlert>> GetAlertsAsync(Caller caller, bool unacknowledgedOnly, int limit)
    {
        EnsureSelf(caller);
        IReadOnlyList<ProctorAlert> alerts =
            [.. Enumerable.Reverse(proctor.State.Alerts).Where(a => !unacknowledgedOnly || !a.Acknowledged).Take(Math.Clamp(limit, 1, InboxSize))];
        return Task.FromResult(alerts);
    }

    public async Task AcknowledgeAsync(Caller caller, string alertId)
    {
        EnsureSelf(caller);
        var index = proctor.State.Alerts.FindIndex(a => a.AlertId == alertId);
        if (index < 0)
        {
            throw ProctorWiseException.NotFound("Alert");
        }

        if (!proctor.State.Alerts[index].Acknowledged)
        {
            var acknowledged = proctor.State.Alerts[index] with { Acknowledged = true, AcknowledgedAt = clock.GetUtcNow() };
            proctor.State.Alerts[index] = acknowledged;
            await proctor.WriteStateAsync();
            await QueueAsync(acknowledged);
        }
    }

    public Task<IReadOnlyList<ProctorAlert>> GetRoomAlertsAsync(string slotId)
    {
        IReadOnlyList<ProctorAlert> alerts = [.. proctor.State.Alerts.Where(a => a.SlotId == slotId)];
        return Task.FromResult(alerts);
    }

    /// <summary>Subscribes once per room: existing (persisted) subscriptions are resumed, not duplicated.</summary>
    private async Task SubscribeAsync(string slotId)
    {
        var stream = RoomStream(slotId);
        var handles = await stream.GetAllSubscriptionHandles();
        if (handles.Count == 0)
        {
            await stream.SubscribeAsync(OnEventAsync);
            return;
        }

        await handles[0].ResumeAsync(OnEventAsync);
        foreach (var duplicate in handles.Skip(1))
        {
            await duplicate.UnsubscribeAsync();
        }
    }

    private IAsyncStream<RoomEvent> RoomStream(string slotId) =>
        this.GetStreamProvider(StreamProviders.Default).GetStream<RoomEvent>(StreamId.Create(StreamNamespaces.Alerts, slotId));

    private async Task OnEventAsync(RoomEvent roomEvent, StreamSequenceToken? token)
    {
        switch (roomEvent)
        {
            case AlertRaised { Alert: var alert } when proctor.State.Alerts.TrueForAll(a => a.AlertId != alert.AlertId):
                proctor.State.Alerts.Add(alert);
                if (proctor.State.Alerts.Count > InboxSize)
                {
                    proctor.State.Alerts.RemoveRange(0, proctor.State.Alerts.Count - InboxSize);
                }

                await proctor.WriteStateAsync();
                await QueueAsync(alert);
                break;
            case SessionChanged { Session: var session }:
                _pendingSessions[session.SessionId] = session;
                await ScheduleFlushAsync();
                break;
        }
    }

    private Task QueueAsync(ProctorAlert alert)
    {
        _pendingAlerts[alert.AlertId] = alert;
        return ScheduleFlushAsync();
    }

    /// <summary>Flushes now after a quiet period; otherwise once, at the end of the current window.</summary>
    private Task ScheduleFlushAsync()
    {
        if (_flush is not null)
        {
            return Task.CompletedTask;
        }

        var sinceLast = TimeProvider.System.GetElapsedTime(_lastFlush);
        if (_lastFlush == 0 || sinceLast >= FlushDelay)
        {
            return FlushAsync(CancellationToken.None);
        }

        _flush = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushDelay - sinceLast, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        _flush = null;
        _lastFlush = TimeProvider.System.GetTimestamp();
        var batch = new ProctorBatch([.. _pendingAlerts.Values], [.. _pendingSessions.Values]);
        _pendingAlerts.Clear();
        _pendingSessions.Clear();
        var proctorId = this.GetPrimaryKeyString();
        await _fanout!.SendAsync(observer => observer.OnProctorBatchAsync(proctorId, batch));
    }

    private void EnsureSelf(Caller caller)
    {
        if (caller.UserId != this.GetPrimaryKeyString() || caller.Role != UserRole.Proctor)
        {
            throw ProctorWiseException.Forbidden("This inbox belongs to another proctor.");
        }
    }
}
