namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A slot was removed from its exam. Namespace <c>exams</c>, key: ExamId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">Its exam.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="StartsAt">Start of the window it had.</param>
[GenerateSerializer, Immutable, Alias("pw.slot-cancelled")]
public sealed record class SlotCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SlotId,
    string ExamId,
    string TeacherId,
    DateTimeOffset StartsAt)
    : DomainEvent(EventId, OccurredAt);
