using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// Who may act on one session: its student for the attempt, supervisors (<see cref="SupervisionPolicy"/>) for
/// the rest. Kept out of <see cref="ExamSessionGrain"/>, which only says which check each call needs.
/// </summary>
internal sealed class SessionAccess(Func<ExamSessionState> state, IGrainFactory grains)
{
    private ExamSessionState State => state();

    private SessionStart Start => State.Start ?? throw ProctorWiseException.NotFound("Session");

    /// <summary>The session's own student, or anyone who may supervise it (the exam's owner included).</summary>
    public async Task<bool> MayReadAsync(Caller caller, SessionStart start) =>
        (caller.Role == UserRole.Student && caller.UserId == start.StudentId) || await SupervisionPolicy.MaySuperviseAsync(grains, caller, start, ownerAllowed: true);

    public async Task EnsureSupervisorAsync(Caller caller, bool ownerAllowed)
    {
        if (!await SupervisionPolicy.MaySuperviseAsync(grains, caller, Start, ownerAllowed))
        {
            throw Denied(caller);
        }
    }

    public void EnsureStudent(Caller caller)
    {
        if (caller.Role != UserRole.Student || caller.UserId != Start.StudentId)
        {
            throw Denied(caller);
        }
    }

    /// <summary>
    /// Students are not told that another student's session exists; the session's own student (who
    /// knows it) and staff get a plain refusal.
    /// </summary>
    public ProctorWiseException Denied(Caller caller) => caller.Role == UserRole.Student && State.Start?.StudentId != caller.UserId
        ? ProctorWiseException.NotFound("Session")
        : ProctorWiseException.Forbidden("This session is not yours to act on.");
}
