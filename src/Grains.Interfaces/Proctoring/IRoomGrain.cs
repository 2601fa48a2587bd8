using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// The live view of one room (key: slot id), kept from the room's event stream (implicit subscription
/// to namespace <c>alerts</c>), so a dashboard can load or resynchronise at any time.
/// </summary>
[Alias("pw.IRoomGrain")]
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>The sessions of the room (exam owner, proctors of the slot, admins).</summary>
    [Alias("GetSnapshot")]
    Task<RoomSnapshot> GetSnapshotAsync(Caller caller);

    /// <summary>Counts for the rooms list.</summary>
    [Alias("GetSummary")]
    Task<RoomSummary?> GetSummaryAsync();

    /// <summary>
    /// The room report: each session's anomalies, risk over time and the actions supervisors took
    /// (exam owner, proctors of the slot, admins).
    /// </summary>
    [Alias("GetReport")]
    Task<RoomReport> GetReportAsync(Caller caller);
}
