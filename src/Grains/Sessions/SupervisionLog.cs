using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// The supervisors' actions a session keeps (its part of the room report), and the session's record for that
/// report. Kept out of <see cref="ExamSessionGrain"/>, which only says when to log.
/// </summary>
internal static class SupervisionLog
{
    public static void Add(ExamSessionState state, SupervisorActionKind kind, Caller caller, string text, DateTimeOffset at) =>
        state.Actions.Add(new SupervisorAction(kind, at, caller.UserId, text));

    /// <summary>
    /// The session's record, anomalies by start (an inferred one, such as a stopped camera, can begin before one recorded
    /// earlier). Acknowledgements are added by the room's reader.
    /// </summary>
    public static SessionSupervisionRecord Read(string sessionId, ExamSessionState state, IReadOnlyList<AnomalyView> anomalies, DateTimeOffset now)
    {
        var start = state.Start!;
        var end = state.EndedAt ?? now;
        var risk = RiskHistory.Derive(state.Proctoring.Anomalies, state.StartedAt, end);
        return new SessionSupervisionRecord(
            sessionId, start.StudentId, start.StudentName, state.Status, state.StartedAt, state.EndedAt, state.EndReason,
            RiskScore.Compute(state.Proctoring.Anomalies, end), risk.Count == 0 ? 0 : risk.Max(p => p.Score),
            Math.Max(state.Proctoring.Warnings, state.Actions.Count(a => a.Kind == SupervisorActionKind.Warning)),
            [.. anomalies.OrderBy(a => a.StartedAt)], risk, Actions(state));
    }

    /// <summary>The log, plus what sessions saved before it existed still tell: their termination and their latest review.</summary>
    private static List<SupervisorAction> Actions(ExamSessionState state)
    {
        var actions = new List<SupervisorAction>(state.Actions);
        if (state.Status == SessionStatus.Terminated && !actions.Exists(a => a.Kind == SupervisorActionKind.Termination))
        {
            actions.Add(new SupervisorAction(SupervisorActionKind.Termination, state.EndedAt, null, state.EndReason ?? string.Empty));
        }

        if (state.Review is { } review && !actions.Exists(a => a.Kind == SupervisorActionKind.Review && a.At == review.ReviewedAt))
        {
            actions.Add(new SupervisorAction(SupervisorActionKind.Review, review.ReviewedAt, review.ReviewedBy, review.Note));
        }

        return actions;
    }
}
