namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An exam was archived: no new slots or sessions. Namespace <c>exams</c>, key: ExamId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="ExamId">The exam.</param>
/// <param name="TeacherId">Its owner.</param>
/// <param name="Title">Its title.</param>
[GenerateSerializer, Immutable, Alias("pw.exam-archived")]
public sealed record class ExamArchived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ExamId,
    string TeacherId,
    string Title)
    : DomainEvent(EventId, OccurredAt);
