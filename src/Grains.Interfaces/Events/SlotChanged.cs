namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>
/// What booked students see of a slot changed: its exam's title or duration (so the slot's end), or the exam was
/// closed for booking or archived (<see cref="IsOpen"/> false). Recorded only for a slot with students booked.
/// Namespace <c>exams</c>, key: ExamId.
/// </summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">Its exam.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="Title">The exam's title now.</param>
/// <param name="PreviousTitle">The exam's title before.</param>
/// <param name="StartsAt">Start of the slot.</param>
/// <param name="EndsAt">End of the slot now.</param>
/// <param name="PreviousEndsAt">End of the slot before.</param>
/// <param name="IsOpen">False once the exam is no longer published (archived).</param>
/// <param name="BookedCount">Students booked on the slot.</param>
[GenerateSerializer, Immutable, Alias("pw.slot-changed")]
public sealed record class SlotChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SlotId,
    string ExamId,
    string TeacherId,
    string Title,
    string PreviousTitle,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset PreviousEndsAt,
    bool IsOpen,
    int BookedCount)
    : DomainEvent(EventId, OccurredAt);
