using Orleans.Streams;
using Orleans.Streams.Core;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Proctoring;

/// <inheritdoc cref="IRoomGrain"/>
/// <remarks>
/// Every room stream activates its room grain (implicit subscription). The snapshot is written at most
/// every <see cref="PersistEvery"/>: frames arrive every two seconds per student and a lost second of
/// "last seen" is not worth a write per event.
/// </remarks>
[ImplicitStreamSubscription(StreamNamespaces.Alerts)]
public sealed class RoomGrain(
    [PersistentState(StateNames.Room, StorageNames.Default)] IPersistentState<RoomState> room)
    : Grain, IRoomGrain, IStreamSubscriptionObserver
{
    public static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(2);

    public const int AtRiskScore = 50;

    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(PersistIfDirtyAsync, PersistEvery, PersistEvery);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        PersistIfDirtyAsync(cancellationToken);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<RoomEvent>().ResumeAsync(OnEventAsync);

    public async Task<RoomSnapshot> GetSnapshotAsync(Caller caller)
    {
        var slotGrain = GrainFactory.GetGrain<IExamSlotGrain>(this.GetPrimaryKeyString());
        var slot = await slotGrain.GetAsync() ?? throw ProctorWiseException.NotFound("Room");
        if (!await slotGrain.CanSuperviseAsync(caller))
        {
            throw ProctorWiseException.Forbidden("Only the room's proctors, the exam's owner and admins watch this room.");
        }

        return new RoomSnapshot(slot, [.. room.State.Sessions.Values.OrderBy(s => s.StudentName, StringComparer.CurrentCulture)]);
    }

    public async Task<RoomSummary?> GetSummaryAsync()
    {
        var slot = await GrainFactory.GetGrain<IExamSlotGrain>(this.GetPrimaryKeyString()).GetAsync();
        if (slot is null)
        {
            return null;
        }

        var sessions = room.State.Sessions.Values;
        var running = sessions.Where(s => s.Status == SessionStatus.InProgress).ToList();
        return new RoomSummary(slot, running.Count, sessions.Count - running.Count, running.Count(s => s.RiskScore >= AtRiskScore));
    }

    private Task OnEventAsync(RoomEvent roomEvent, StreamSequenceToken? token)
    {
        if (roomEvent is SessionChanged { Session: var session } changed
            && (!room.State.UpdatedAt.TryGetValue(session.SessionId, out var known) || known <= changed.OccurredAt))
        {
            room.State.Sessions[session.SessionId] = session;
            room.State.UpdatedAt[session.SessionId] = changed.OccurredAt;
            _dirty = true;
        }

        return Task.CompletedTask;
    }

    private async Task PersistIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await room.WriteStateAsync(cancellationToken);
        }
    }
}
