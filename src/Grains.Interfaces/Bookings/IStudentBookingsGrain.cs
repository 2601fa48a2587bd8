using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Bookings;

/// <summary>
/// One student's bookings (key: student id). Single writer of "one active booking per exam" and of
/// "one attempt per booking"; every method checks that the caller is this student.
/// </summary>
[Alias("pw.IStudentBookingsGrain")]
public interface IStudentBookingsGrain : IGrainWithStringKey
{
    /// <summary>Books a seat; 409 when full, already booked for this exam, started or not published.</summary>
    [Alias("Book")]
    Task<BookingView> BookAsync(Caller caller, string slotId);

    /// <summary>The student's bookings, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<BookingView>> ListAsync(Caller caller);

    /// <summary>Cancels a booking; 409 once its slot started.</summary>
    [Alias("Cancel")]
    Task<BookingView> CancelAsync(Caller caller, string bookingId);

    /// <summary>Starts the booking's attempt, or resumes it; 409 outside the slot window or after it ended.</summary>
    [Alias("StartSession")]
    Task<SessionStartResult> StartSessionAsync(Caller caller, string bookingId);

    /// <summary>Told by the session when the attempt ended (one-way, so it never waits on a cycle).</summary>
    [Alias("OnSessionEnded"), OneWay]
    Task OnSessionEndedAsync(string bookingId);
}
