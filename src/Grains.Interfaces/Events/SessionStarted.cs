namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A student started an attempt. Namespace <c>sessions</c>, key: SessionId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SessionId">The session.</param>
/// <param name="BookingId">Its booking.</param>
/// <param name="SlotId">The slot (room).</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Deadline">The server-side deadline.</param>
/// <param name="QuestionCount">Questions of the exam.</param>
[GenerateSerializer, Immutable, Alias("pw.session-started")]
public sealed record class SessionStarted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SessionId,
    string BookingId,
    string SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    int QuestionCount)
    : DomainEvent(EventId, OccurredAt);
