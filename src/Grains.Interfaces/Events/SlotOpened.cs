namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A slot of an exam was opened for booking. Namespace <c>exams</c>, key: ExamId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SlotId">The slot (room).</param>
/// <param name="ExamId">Its exam.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="StartsAt">Start of the window.</param>
/// <param name="EndsAt">End of the window.</param>
/// <param name="Capacity">Seats.</param>
[GenerateSerializer, Immutable, Alias("pw.slot-opened")]
public sealed record class SlotOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SlotId,
    string ExamId,
    string TeacherId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity)
    : DomainEvent(EventId, OccurredAt);
