using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>The facts a session records (namespace <c>sessions</c>, key = session id), built from its state.</summary>
internal static class SessionEvents
{
    public const string Namespace = StreamNamespaces.Sessions;

    public static SessionStarted Started(string id, ExamSessionState state)
    {
        var start = state.Start!;
        return new SessionStarted(
            Guid.CreateVersion7(), state.StartedAt, id, start.BookingId, start.SlotId, start.Exam.ExamId, start.StudentId, start.Exam.OwnerId,
            state.StartedAt, start.Deadline, start.Exam.Questions.Count);
    }

    public static SessionSubmitted Submitted(string id, ExamSessionState state, int answeredCount, int riskScore)
    {
        var start = state.Start!;
        var ended = state.EndedAt!.Value;
        return new SessionSubmitted(
            Guid.CreateVersion7(), ended, id, state.SubmissionId!, start.SlotId, start.Exam.ExamId, start.StudentId, start.Exam.OwnerId,
            state.Status, state.StartedAt, ended, Math.Max(0, (ended - state.StartedAt).TotalSeconds), answeredCount,
            start.Exam.Questions.Count, state.Proctoring.Anomalies.Count, riskScore);
    }

    public static SessionTerminated Terminated(string id, ExamSessionState state, string terminatedBy)
    {
        var start = state.Start!;
        return new SessionTerminated(
            Guid.CreateVersion7(), state.EndedAt!.Value, id, start.SlotId, start.Exam.ExamId, start.StudentId, start.Exam.OwnerId, terminatedBy, state.EndReason ?? string.Empty);
    }

    public static AnomalyOpened Opened(string id, SessionStart start, AnomalyRecord a, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, a.Id, id, start.SlotId, start.Exam.ExamId, start.StudentId, start.Exam.OwnerId,
            a.Type, a.Severity, a.Confidence, a.StartedAt, a.Reason);

    /// <summary>Published once per anomaly, when its session ends: the final figures (a repeat could reopen it until then).</summary>
    public static AnomalyClosed Closed(string id, SessionStart start, AnomalyRecord a, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, a.Id, id, start.SlotId, start.Exam.ExamId, start.StudentId, start.Exam.OwnerId,
            a.Type, a.Severity, a.Confidence, a.StartedAt, a.EndedAt ?? at, a.Total.TotalSeconds, a.Count, a.Reason);
}
