using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Slots;

/// <summary>
/// A slot's seats, owned by its <see cref="ExamSlotGrain"/> (the single writer, so no overbooking): bookings are
/// made and cancelled before the start, completed when the session ends; the facts go through the outbox.
/// </summary>
internal sealed class SlotBookings(IPersistentState<SlotState> slot, string slotId, Func<SlotSetup> exam, EventOutbox outbox, TimeProvider clock)
{
    private SlotState State => slot.State;

    /// <summary>The seats held (booked or completed).</summary>
    public int Booked => State.Bookings.Values.Count(b => b.HoldsSeat);

    /// <summary>Books a seat; a booking already made is kept as it is.</summary>
    public async Task ReserveAsync(SlotReservation reservation)
    {
        var setup = exam();
        if (State.Bookings.TryGetValue(reservation.BookingId, out var existing) && existing.Status == BookingStatus.Booked)
        {
            return;
        }

        if (!setup.IsOpen)
        {
            throw ProctorWiseException.Conflict("This exam is not open for booking.");
        }

        if (clock.GetUtcNow() >= State.StartsAt)
        {
            throw ProctorWiseException.Conflict("This slot has already started.");
        }

        if (Booked >= State.Capacity)
        {
            throw ProctorWiseException.Conflict("This slot is full.");
        }

        State.Bookings[reservation.BookingId] = new SlotBookingEntry
        {
            StudentId = reservation.StudentId,
            StudentName = reservation.StudentName,
            Status = BookingStatus.Booked,
            CreatedAt = clock.GetUtcNow(),
        };
        outbox.Add(StreamNamespaces.Bookings, slotId, new BookingMade(
            Guid.CreateVersion7(), clock.GetUtcNow(), reservation.BookingId, slotId, setup.ExamId, reservation.StudentId, setup.OwnerId, State.StartsAt, Booked, State.Capacity));
        await outbox.CommitAsync();
    }

    public async Task ReleaseAsync(string bookingId)
    {
        if (!State.Bookings.TryGetValue(bookingId, out var booking) || booking.Status != BookingStatus.Booked)
        {
            return;
        }

        if (clock.GetUtcNow() >= State.StartsAt)
        {
            throw ProctorWiseException.Conflict("This slot has started: the booking can no longer be cancelled.");
        }

        booking.Status = BookingStatus.Cancelled;
        var setup = State.Exam!;
        outbox.Add(StreamNamespaces.Bookings, slotId, new BookingCancelled(
            Guid.CreateVersion7(), clock.GetUtcNow(), bookingId, slotId, setup.ExamId, booking.StudentId, setup.OwnerId, State.StartsAt));
        await outbox.CommitAsync();
    }

    public async Task MarkCompletedAsync(string bookingId)
    {
        if (State.Bookings.TryGetValue(bookingId, out var booking) && booking.Status == BookingStatus.Booked)
        {
            booking.Status = BookingStatus.Completed;
            await slot.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<SlotBookingView>> ListAsync(Caller caller)
    {
        var setup = exam();
        if (!caller.IsAdmin && !caller.IsOwningTeacher(setup.OwnerId) && !caller.IsAssignedProctor(State.ProctorIds))
        {
            throw ProctorWiseException.Forbidden("Only the exam's owner and the slot's proctors see its bookings.");
        }

        IReadOnlyList<SlotBookingView> bookings =
        [
            .. State.Bookings
                .OrderBy(b => b.Value.CreatedAt)
                .Select(b => new SlotBookingView(b.Key, slotId, setup.ExamId, b.Value.StudentId, b.Value.StudentName, b.Value.Status, b.Value.CreatedAt)),
        ];
        return Task.FromResult(bookings);
    }
}
