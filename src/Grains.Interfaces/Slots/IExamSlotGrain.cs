using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Slots;

/// <summary>
/// One exam slot, the room of the live proctoring (key: slot id): window, capacity, bookings and
/// proctors. It is the single writer of the capacity: it never overbooks, whatever the concurrency.
/// </summary>
[Alias("pw.IExamSlotGrain")]
public interface IExamSlotGrain : IGrainWithStringKey
{
    /// <summary>Creates the slot (called by its exam).</summary>
    [Alias("Initialize")]
    Task<SlotView> InitializeAsync(SlotSetup setup, DateTimeOffset startsAt, int capacity);

    /// <summary>The slot, or null when it does not exist (or was removed).</summary>
    [Alias("Get")]
    Task<SlotView?> GetAsync();

    /// <summary>Refreshes what the slot knows of its exam (title, duration, published or not).</summary>
    [Alias("UpdateExam")]
    Task UpdateExamAsync(SlotSetup setup);

    /// <summary>Takes a seat; 409 when full, closed or started. Idempotent per booking id.</summary>
    [Alias("Reserve")]
    Task<SlotView> ReserveAsync(SlotReservation reservation);

    /// <summary>Gives a seat back; 409 once the slot started.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string bookingId);

    /// <summary>Marks a booking completed when its session ended.</summary>
    [Alias("MarkCompleted"), OneWay]
    Task MarkCompletedAsync(string bookingId);

    /// <summary>Removes the slot (called by its exam); 409 while it has active bookings.</summary>
    [Alias("Remove")]
    Task RemoveAsync();

    /// <summary>Assigns a proctor to the room (exam owner or admin).</summary>
    [Alias("AssignProctor")]
    Task AssignProctorAsync(Caller caller, string proctorId);

    /// <summary>Removes a proctor from the room (exam owner or admin).</summary>
    [Alias("UnassignProctor")]
    Task UnassignProctorAsync(Caller caller, string proctorId);

    /// <summary>The room's proctors (exam owner, proctors of the slot, admins).</summary>
    [Alias("ListProctors")]
    Task<IReadOnlyList<string>> ListProctorsAsync(Caller caller);

    /// <summary>True when the caller may watch the room: its proctors, the exam's owner, admins.</summary>
    [Alias("CanSupervise")]
    Task<bool> CanSuperviseAsync(Caller caller);

    /// <summary>True when the caller supervises this room.</summary>
    [Alias("IsProctor")]
    Task<bool> IsProctorAsync(string userId);

    /// <summary>The bookings with student names (exam owner, proctor of the slot, admin).</summary>
    [Alias("ListBookings")]
    Task<IReadOnlyList<SlotBookingView>> ListBookingsAsync(Caller caller);
}
