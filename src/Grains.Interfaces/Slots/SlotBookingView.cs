using ProctorWise.Grains.Interfaces.Bookings;

namespace ProctorWise.Grains.Interfaces.Slots;

/// <summary>A booking as listed for a slot's owner and proctors (with the student's name).</summary>
/// <param name="Id">The booking id.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="Status">Booked, cancelled or completed.</param>
/// <param name="CreatedAt">When it was booked.</param>
[GenerateSerializer, Immutable, Alias("pw.slot-booking-view")]
public sealed record class SlotBookingView(
    string Id,
    string SlotId,
    string ExamId,
    string StudentId,
    string StudentName,
    BookingStatus Status,
    DateTimeOffset CreatedAt);
