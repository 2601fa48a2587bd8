using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// One proctor (key: user id): the rooms they supervise (a subscription to each room's stream), their
/// alert inbox with acknowledgements, and the batched push to their dashboards.
/// </summary>
[Alias("pw.IProctorGrain")]
public interface IProctorGrain : IGrainWithStringKey
{
    /// <summary>Starts supervising a room (called when assigned, or when an admin watches it).</summary>
    [Alias("AddRoom")]
    Task AddRoomAsync(string slotId);

    /// <summary>Stops supervising a room (unassigned): the stream subscription ends, past alerts stay in the inbox.</summary>
    [Alias("RemoveRoom")]
    Task RemoveRoomAsync(string slotId);

    /// <summary>The supervised rooms.</summary>
    [Alias("ListRooms")]
    Task<IReadOnlyList<string>> ListRoomsAsync(Caller caller);

    /// <summary>Recent alerts, newest first.</summary>
    [Alias("GetAlerts")]
    Task<IReadOnlyList<ProctorAlert>> GetAlertsAsync(Caller caller, bool unacknowledgedOnly, int limit);

    /// <summary>Acknowledges an alert; 404 when it is not in the inbox.</summary>
    [Alias("Acknowledge")]
    Task AcknowledgeAsync(Caller caller, string alertId);

    /// <summary>
    /// The alerts of one room still in this inbox, acknowledged or not, oldest first. For the room report, which
    /// has checked its caller; a proctor's own inbox is read with <see cref="GetAlertsAsync"/>.
    /// </summary>
    [Alias("GetRoomAlerts")]
    Task<IReadOnlyList<ProctorAlert>> GetRoomAlertsAsync(string slotId);
}
