namespace ProctorWise.Grains.Interfaces.Bookings;

/// <summary>A booking as its student sees it (docs/API.md §4 <c>booking</c>).</summary>
/// <param name="Id">The booking id.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="Status">Booked, cancelled or completed.</param>
/// <param name="CreatedAt">When it was booked.</param>
/// <param name="ExamTitle">The exam's title.</param>
/// <param name="StartsAt">The slot's start.</param>
/// <param name="EndsAt">The slot's end.</param>
/// <param name="SessionId">The attempt, once started.</param>
[GenerateSerializer, Immutable, Alias("pw.booking-view")]
public sealed record class BookingView(
    string Id,
    string SlotId,
    string ExamId,
    string StudentId,
    BookingStatus Status,
    DateTimeOffset CreatedAt,
    string ExamTitle,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? SessionId);
