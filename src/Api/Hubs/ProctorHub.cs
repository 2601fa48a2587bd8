using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// <c>/hubs/proctor</c>: a dashboard watches rooms. Every call checks that the user supervises the room
/// (assigned proctor, or admin); pushes come from the proctor grains through <see cref="HubObserver"/>.
/// </summary>
[Authorize(Policy = Policies.Proctor)]
public sealed class ProctorHub(IGrainFactory grains) : Hub<IProctorClient>
{
    /// <summary>Starts receiving a room's alerts and session changes; returns the room's snapshot to resynchronise.</summary>
    public async Task<RoomSnapshot> WatchRoom(string slotId)
    {
        var caller = Context.User!.ToCaller();
        await EnsureSupervisesAsync(caller, slotId);

        // Admins are not assigned: watching subscribes their inbox to the room.
        await grains.GetGrain<IProctorGrain>(caller.UserId).AddRoomAsync(slotId);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.ProctorRoom(caller.UserId, slotId));
        return await grains.GetGrain<IRoomGrain>(slotId).GetSnapshotAsync(caller);
    }

    /// <summary>
    /// Stops receiving a room's messages on this connection. An admin's inbox also stops following the
    /// room (admins follow the rooms they watch); an assigned proctor's inbox keeps its rooms.
    /// </summary>
    public async Task UnwatchRoom(string slotId)
    {
        var caller = Context.User!.ToCaller();
        await EnsureSupervisesAsync(caller, slotId);

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.ProctorRoom(caller.UserId, slotId));
        if (caller.IsAdmin)
        {
            await grains.GetGrain<IProctorGrain>(caller.UserId).RemoveRoomAsync(slotId);
        }
    }

    private async Task EnsureSupervisesAsync(Caller caller, string slotId)
    {
        if (!await grains.GetGrain<IExamSlotGrain>(slotId).CanSuperviseAsync(caller))
        {
            throw new HubException("Forbidden: you do not supervise this room.");
        }
    }
}
