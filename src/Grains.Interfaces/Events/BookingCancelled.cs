namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A booking was cancelled and its seat given back. Namespace <c>bookings</c>, key: SlotId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="BookingId">The booking.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">Its exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="StartsAt">Start of the slot.</param>
[GenerateSerializer, Immutable, Alias("pw.booking-cancelled")]
public sealed record class BookingCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string BookingId,
    string SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    DateTimeOffset StartsAt)
    : DomainEvent(EventId, OccurredAt);
