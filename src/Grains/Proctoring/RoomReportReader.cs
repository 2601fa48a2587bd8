using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Proctoring;

/// <summary>
/// Puts the room report together from the grains that hold its parts: the room (which sessions), each session
/// (anomalies, risk, warnings, termination, reviews, extra time) and the inboxes of the slot's proctors
/// (acknowledgements). Lives beside <see cref="RoomGrain"/> so the grain stays a live view.
/// </summary>
internal sealed class RoomReportReader(IGrainFactory grains, TimeProvider clock)
{
    public async Task<RoomReport> ReadAsync(string slotId, Caller caller, IEnumerable<SessionLiveView> sessions)
    {
        var slotGrain = grains.GetGrain<IExamSlotGrain>(slotId);
        var slot = await slotGrain.GetAsync() ?? throw ProctorWiseException.NotFound("Room");
        if (!await slotGrain.CanSuperviseAsync(caller))
        {
            throw ProctorWiseException.Forbidden("Only the room's proctors, the exam's owner and admins read this room's report.");
        }

        // Acknowledgements are per proctor: an admin's own inbox is not read (admins are not assigned to rooms).
        var proctorIds = await slotGrain.ListProctorsAsync(caller);
        var inboxes = await Task.WhenAll(proctorIds.Select(async id => (Id: id, Alerts: await grains.GetGrain<IProctorGrain>(id).GetRoomAlertsAsync(slotId))));
        var acknowledgements = inboxes
            .SelectMany(inbox => inbox.Alerts.Where(a => a.Acknowledged).Select(a => (a.SessionId, Action: Acknowledgement(inbox.Id, a))))
            .ToLookup(x => x.SessionId, x => x.Action, StringComparer.Ordinal);

        var records = await Task.WhenAll(sessions.Select(s => grains.GetGrain<IExamSessionGrain>(s.SessionId).GetSupervisionRecordAsync(caller)));
        var names = await NamesAsync(records.SelectMany(r => r.Actions).Concat(acknowledgements.SelectMany(a => a)));
        IReadOnlyList<SessionSupervisionRecord> students =
        [
            .. records
                .Select(r => r with
                {
                    Actions =
                    [
                        .. r.Actions.Concat(acknowledgements[r.SessionId])
                            .Select(a => a with { ByName = a.By is { } by ? names.GetValueOrDefault(by) : null })
                            .OrderBy(a => a.At ?? DateTimeOffset.MaxValue)
                            .ThenBy(a => a.Kind),
                    ],
                })
                .OrderBy(r => r.StudentName, StringComparer.CurrentCulture)
                .ThenBy(r => r.SessionId, StringComparer.Ordinal),
        ];
        return new RoomReport(slot, clock.GetUtcNow(), students);
    }

    /// <summary>The names of the supervisors who acted, so the report does not show bare ids (one look-up per person).</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<SupervisorAction> actions)
    {
        var ids = actions.Select(a => a.By).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var users = await Task.WhenAll(ids.Select(id => grains.GetGrain<IUserGrain>(id).GetAsync()));
        return users.OfType<UserView>().ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
    }

    private static SupervisorAction Acknowledgement(string proctorId, ProctorAlert alert) =>
        new(SupervisorActionKind.Acknowledgement, alert.AcknowledgedAt, proctorId, $"{alert.Severity} alert: {alert.Reason}");
}
