using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An attempt ended and was handed to grading: by the student, at the deadline or by termination. Namespace <c>sessions</c>, key: SessionId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SessionId">The session.</param>
/// <param name="SubmissionId">The submission made of it.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="How">Submitted (by the student), Expired (at the deadline) or Terminated (by a proctor).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="DurationSeconds">Time spent, in seconds.</param>
/// <param name="AnsweredCount">Questions answered.</param>
/// <param name="QuestionCount">Questions of the exam.</param>
/// <param name="AnomalyCount">Anomalies recorded.</param>
/// <param name="RiskScore">The risk score at the end (0–100).</param>
[GenerateSerializer, Immutable, Alias("pw.session-submitted")]
public sealed record class SessionSubmitted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SessionId,
    string SubmissionId,
    string SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    SessionStatus How,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double DurationSeconds,
    int AnsweredCount,
    int QuestionCount,
    int AnomalyCount,
    int RiskScore)
    : DomainEvent(EventId, OccurredAt);
