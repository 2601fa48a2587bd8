namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A proctor or admin ended an attempt. Namespace <c>sessions</c>, key: SessionId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SessionId">The session.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="TerminatedBy">Who ended it.</param>
/// <param name="Reason">The reason they gave.</param>
[GenerateSerializer, Immutable, Alias("pw.session-terminated")]
public sealed record class SessionTerminated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SessionId,
    string SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    string TerminatedBy,
    string Reason)
    : DomainEvent(EventId, OccurredAt);
