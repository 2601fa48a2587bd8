namespace ProctorWise.Grains.Interfaces.Slots;

/// <summary>A slot as the API shows it (docs/API.md §3 <c>slot</c>); <see cref="EndsAt"/> = start + exam duration.</summary>
/// <param name="Id">The slot id.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StartsAt">Start of the exam window (UTC).</param>
/// <param name="EndsAt">End of the exam window (UTC), also every session's deadline.</param>
/// <param name="Capacity">Seats.</param>
/// <param name="Booked">Active bookings.</param>
/// <param name="IsOpen">True while the exam is published and the slot not removed.</param>
/// <param name="ExamTitle">The exam's title.</param>
[GenerateSerializer, Immutable, Alias("pw.slot-view")]
public sealed record class SlotView(
    string Id,
    string ExamId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    int Booked,
    bool IsOpen,
    string ExamTitle);
