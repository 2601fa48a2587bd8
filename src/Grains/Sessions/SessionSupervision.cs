using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// The supervisors' side of a session, owned by its <see cref="ExamSessionGrain"/>: who of them may do what
/// (the exam's owner reads and gives extra time, but does not warn, terminate or review), what they read, and
/// what they do. Each action is checked, logged in the <see cref="SupervisionLog"/>, written, and then told to
/// the student or the room.
/// </summary>
internal sealed class SessionSupervision(
    string sessionId,
    IPersistentState<ExamSessionState> session,
    SessionAccess access,
    SessionLifecycle lifecycle,
    SessionDeadline deadline,
    SessionProctoring proctoring,
    TimeProvider clock)
{
    private ExamSessionState State => session.State;

    private SessionStart Start => State.Start ?? throw ProctorWiseException.NotFound("Session");

    public async Task<IReadOnlyList<AnomalyView>> GetAnomaliesAsync(Caller caller)
    {
        await access.EnsureSupervisorAsync(caller, ownerAllowed: true);
        return proctoring.Anomalies();
    }

    public async Task<Evidence> GetEvidenceAsync(Caller caller, string anomalyId)
    {
        await access.EnsureSupervisorAsync(caller, ownerAllowed: true);
        return await proctoring.ReadEvidenceAsync(anomalyId) ?? throw ProctorWiseException.NotFound("Evidence");
    }

    public async Task<SessionSupervisionRecord> GetRecordAsync(Caller caller)
    {
        await access.EnsureSupervisorAsync(caller, ownerAllowed: true);
        await lifecycle.ExpireIfDueAsync();
        return SupervisionLog.Read(sessionId, State, [.. Enumerable.Reverse(proctoring.Anomalies())], clock.GetUtcNow());
    }

    public async Task WarnAsync(Caller caller, string message)
    {
        await access.EnsureSupervisorAsync(caller, ownerAllowed: false);
        var text = CheckText("message", message);
        if (State.Status != SessionStatus.InProgress)
        {
            throw ProctorWiseException.Conflict("The session has ended.");
        }

        State.Proctoring.Warnings++;
        SupervisionLog.Add(State, SupervisorActionKind.Warning, caller, text, clock.GetUtcNow());
        await session.WriteStateAsync();
        await proctoring.NotifyStudentAsync(new StudentMessage(StudentMessageKind.Warning, text, clock.GetUtcNow(), null));
    }

    /// <summary>Ends a running session as terminated; an ended one stays as it ended. Returns the submission id.</summary>
    public async Task<string> TerminateAsync(Caller caller, string reason)
    {
        await access.EnsureSupervisorAsync(caller, ownerAllowed: false);
        var text = CheckText("reason", reason);
        await lifecycle.ExpireIfDueAsync();
        if (State.Status == SessionStatus.InProgress)
        {
            State.EndReason = text;
            var endedAt = clock.GetUtcNow();
            SupervisionLog.Add(State, SupervisorActionKind.Termination, caller, text, endedAt);
            await lifecycle.EndAsync(SessionStatus.Terminated, endedAt, terminatedBy: caller.UserId);
            await proctoring.NotifyStudentAsync(new StudentMessage(StudentMessageKind.Terminated, text, clock.GetUtcNow(), null));
        }
        else
        {
            await lifecycle.CompleteEndAsync();
        }

        return State.SubmissionId!;
    }

    public async Task ExtendAsync(Caller caller, int minutes)
    {
        await access.EnsureSupervisorAsync(caller, ownerAllowed: true);
        if (minutes is < ProctoringLimits.MinExtensionMinutes or > ProctoringLimits.MaxExtensionMinutes)
        {
            throw ProctorWiseException.Invalid("minutes", $"Must be between {ProctoringLimits.MinExtensionMinutes} and {ProctoringLimits.MaxExtensionMinutes}.");
        }

        await lifecycle.ExpireIfDueAsync();
        if (State.Status != SessionStatus.InProgress)
        {
            throw ProctorWiseException.Conflict("The session has ended.");
        }

        State.Start = Start with { Deadline = Start.Deadline.AddMinutes(minutes) };
        SupervisionLog.Add(State, SupervisorActionKind.Extension, caller, $"+{minutes} min", clock.GetUtcNow());
        await session.WriteStateAsync();
        deadline.Moved();
        await proctoring.PublishLiveAsync(force: true);
        await proctoring.NotifyStudentAsync(new StudentMessage(StudentMessageKind.DeadlineChanged, null, clock.GetUtcNow(), Start.Deadline));
    }

    public async Task<SessionReview> ReviewAsync(Caller caller, string note)
    {
        await access.EnsureSupervisorAsync(caller, ownerAllowed: false);
        State.Review = new SessionReview(CheckText("note", note), caller.UserId, clock.GetUtcNow());
        SupervisionLog.Add(State, SupervisorActionKind.Review, caller, State.Review.Note, State.Review.ReviewedAt);
        await session.WriteStateAsync();
        await proctoring.PublishLiveAsync(force: true);
        return State.Review;
    }

    private static string CheckText(string field, string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw ProctorWiseException.Invalid(field, "Required.");
        }

        if (!TextRules.IsClean(trimmed))
        {
            throw ProctorWiseException.Invalid(field, TextRules.ControlCharacterMessage);
        }

        return trimmed.Length <= ProctoringLimits.MaxTextLength ? trimmed : throw ProctorWiseException.Invalid(field, $"At most {ProctoringLimits.MaxTextLength} characters.");
    }
}
