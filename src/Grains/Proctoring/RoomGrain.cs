using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
public sealed partial class RoomGrain(
    [PersistentState(StateNames.Room, StorageNames.Default)] IPersistentState<RoomState> room,
    ILogger<RoomGrain> logger,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : Grain, IRoomGrain, IStreamSubscriptionObserver
{
    public static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(2);

    public const int AtRiskScore = 50;

    private bool _dirty;

    private bool _reportedUnreadableSlot;

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

    public Task<RoomReport> GetReportAsync(Caller caller) =>
        new RoomReportReader(GrainFactory, clock).ReadAsync(this.GetPrimaryKeyString(), caller, [.. room.State.Sessions.Values]);

    public async Task<RoomSummary?> GetSummaryAsync()
    {
        var slot = await TryGetSlotAsync();
        if (slot is null)
        {
            return null;
        }

        var sessions = room.State.Sessions.Values;
        var running = sessions.Where(s => s.Status == SessionStatus.InProgress).ToList();
        return new RoomSummary(slot, running.Count, sessions.Count - running.Count, running.Count(s => s.RiskScore >= AtRiskScore));
    }

    /// <summary>
    /// The slot, or null when its stored state cannot be shown (e.g. a start saved before the rules refused dates that
    /// overflow): the rooms list then leaves this room out instead of failing for the proctor, and the fault is logged
    /// once per activation, not on every refresh of every dashboard. An unreachable cluster still fails the call, as a
    /// partial list would then look complete.
    /// </summary>
    private async Task<SlotView?> TryGetSlotAsync()
    {
        try
        {
            return await GrainFactory.GetGrain<IExamSlotGrain>(this.GetPrimaryKeyString()).GetAsync();
        }
        catch (Exception e) when (e is not (TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OperationCanceledException))
        {
            if (!_reportedUnreadableSlot)
            {
                _reportedUnreadableSlot = true;
                LogUnreadableSlot(logger, e, this.GetPrimaryKeyString());
            }

            return null;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room {SlotId}: its slot could not be read; the room is left out of room lists (logged once per activation)")]
    private static partial void LogUnreadableSlot(ILogger logger, Exception exception, string slotId);
}
