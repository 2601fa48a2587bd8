using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Bookings;

/// <inheritdoc cref="IStudentBookingsGrain"/>
public sealed class StudentBookingsGrain(
    [PersistentState(StateNames.StudentBookings, StorageNames.Default)] IPersistentState<StudentBookingsState> bookings,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IStudentBookingsGrain
{
    private Dictionary<string, BookingEntry> Entries => bookings.State.Bookings;

    public async Task<BookingView> BookAsync(Caller caller, string slotId)
    {
        EnsureSelf(caller);
        var slotGrain = GrainFactory.GetGrain<IExamSlotGrain>(slotId);
        var slot = await slotGrain.GetAsync() ?? throw ProctorWiseException.NotFound("Slot");

        string? bookingId = null;
        foreach (var (id, entry) in Entries.Where(e => e.Value.ExamId == slot.ExamId && e.Value.Status != BookingStatus.Cancelled))
        {
            if (!entry.Pending)
            {
                throw ProctorWiseException.Conflict(entry.Status == BookingStatus.Completed
                    ? "You have already taken this exam."
                    : "You already have a booking for this exam.");
            }

            // A request that failed half-way: retry it on the same slot, or give its seat back.
            if (entry.SlotId == slotId)
            {
                bookingId = id;
            }
            else
            {
                await GrainFactory.GetGrain<IExamSlotGrain>(entry.SlotId).ReleaseAsync(id);
                Entries.Remove(id);
            }
        }

        if (bookingId is null)
        {
            bookingId = Guid.CreateVersion7().ToString("N");
            Entries[bookingId] = new BookingEntry
            {
                SlotId = slotId,
                ExamId = slot.ExamId,
                ExamTitle = slot.ExamTitle,
                StartsAt = slot.StartsAt,
                EndsAt = slot.EndsAt,
                Status = BookingStatus.Booked,
                CreatedAt = clock.GetUtcNow(),
                Pending = true,
            };
            await bookings.WriteStateAsync();
        }

        var name = (await GrainFactory.GetGrain<IUserGrain>(caller.UserId).GetAsync())?.Name ?? string.Empty;
        try
        {
            slot = await slotGrain.ReserveAsync(new SlotReservation(bookingId, caller.UserId, name));
        }
        catch (ProctorWiseException)
        {
            // Refused (full, closed, started): the request leaves no trace.
            Entries.Remove(bookingId);
            await bookings.WriteStateAsync();
            throw;
        }

        var booked = Entries[bookingId];
        booked.Pending = false;
        booked.StartsAt = slot.StartsAt;
        booked.EndsAt = slot.EndsAt;
        await bookings.WriteStateAsync();
        return View(bookingId, booked);
    }

    public Task<IReadOnlyList<BookingView>> ListAsync(Caller caller)
    {
        EnsureSelf(caller);
        IReadOnlyList<BookingView> list = [.. Entries.Where(e => !e.Value.Pending).OrderByDescending(e => e.Value.CreatedAt).Select(e => View(e.Key, e.Value))];
        return Task.FromResult(list);
    }

    public async Task<BookingView> CancelAsync(Caller caller, string bookingId)
    {
        var entry = Find(caller, bookingId);
        if (entry.Status == BookingStatus.Cancelled)
        {
            return View(bookingId, entry);
        }

        if (entry.Status == BookingStatus.Completed || entry.SessionId is not null || clock.GetUtcNow() >= entry.StartsAt)
        {
            throw ProctorWiseException.Conflict("This slot has started: the booking can no longer be cancelled.");
        }

        // The seat is released first: if writing below fails, a retry releases again (idempotent) and records it.
        await GrainFactory.GetGrain<IExamSlotGrain>(entry.SlotId).ReleaseAsync(bookingId);
        entry.Status = BookingStatus.Cancelled;
        await bookings.WriteStateAsync();
        return View(bookingId, entry);
    }

    public async Task<SessionStartResult> StartSessionAsync(Caller caller, string bookingId)
    {
        var entry = Find(caller, bookingId);
        if (entry.Status == BookingStatus.Cancelled)
        {
            throw ProctorWiseException.Conflict("This booking was cancelled.");
        }

        if (entry.SessionId is { } existingId)
        {
            var existing = await GrainFactory.GetGrain<IExamSessionGrain>(existingId).TryGetStartedAsync(caller);
            if (existing is not null)
            {
                return existing.Status == SessionStatus.InProgress
                    ? new SessionStartResult(existing, Created: false)
                    : throw ProctorWiseException.Conflict("This attempt has ended; there is one attempt per booking.");
            }
        }

        var slot = await GrainFactory.GetGrain<IExamSlotGrain>(entry.SlotId).GetAsync()
            ?? throw ProctorWiseException.Conflict("This slot no longer exists.");
        var now = clock.GetUtcNow();
        if (now < slot.StartsAt)
        {
            throw ProctorWiseException.Conflict($"The exam opens at {slot.StartsAt:u}.");
        }

        if (now >= slot.EndsAt)
        {
            throw ProctorWiseException.Conflict("The exam window has closed.");
        }

        var exam = await GrainFactory.GetGrain<IExamGrain>(entry.ExamId).BeginSessionAsync();
        if (entry.SessionId is null)
        {
            entry.SessionId = Guid.CreateVersion7().ToString("N");
            await bookings.WriteStateAsync();
        }

        var name = (await GrainFactory.GetGrain<IUserGrain>(caller.UserId).GetAsync())?.Name ?? string.Empty;
        var start = new SessionStart(bookingId, caller.UserId, name, entry.SlotId, slot.EndsAt, exam);
        var session = await GrainFactory.GetGrain<IExamSessionGrain>(entry.SessionId).StartAsync(start);
        return new SessionStartResult(session, Created: true);
    }

    public async Task OnSessionEndedAsync(string bookingId)
    {
        if (Entries.TryGetValue(bookingId, out var entry) && entry.Status == BookingStatus.Booked)
        {
            entry.Status = BookingStatus.Completed;
            await bookings.WriteStateAsync();
        }
    }

    private BookingEntry Find(Caller caller, string bookingId)
    {
        EnsureSelf(caller);
        return Entries.TryGetValue(bookingId, out var entry) && !entry.Pending ? entry : throw ProctorWiseException.NotFound("Booking");
    }

    private void EnsureSelf(Caller caller)
    {
        if (caller.Role != UserRole.Student || caller.UserId != this.GetPrimaryKeyString())
        {
            throw ProctorWiseException.Forbidden("Bookings are made and managed by the student.");
        }
    }

    private BookingView View(string id, BookingEntry e) =>
        new(id, e.SlotId, e.ExamId, this.GetPrimaryKeyString(), e.Status, e.CreatedAt, e.ExamTitle, e.StartsAt, e.EndsAt, e.SessionId);
}
