using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Slots;

/// <inheritdoc cref="IExamSlotGrain"/>
public sealed class ExamSlotGrain(
    [PersistentState(StateNames.Slot, StorageNames.Default)] IPersistentState<SlotState> slot,
    EventOutboxFactory outboxes,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IExamSlotGrain
{
    private EventOutbox _outbox = null!;

    private SlotState State => slot.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => slot.WriteStateAsync());
        return _outbox.OnActivateAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _outbox.OnDeactivateAsync();

    private SlotSetup Exam => State.Exam is { } exam && !State.Removed ? exam : throw ProctorWiseException.NotFound("Slot");

    private int Booked => State.Bookings.Values.Count(b => b.HoldsSeat);

    public async Task<SlotView> InitializeAsync(SlotSetup setup, DateTimeOffset startsAt, int capacity)
    {
        if (State.Exam is null)
        {
            // Computed before the state changes: a start whose end overflows is refused, not half-kept in memory.
            var endsAt = EndOf(startsAt, setup.DurationMinutes);
            State.Exam = setup;
            State.StartsAt = startsAt;
            State.Capacity = capacity;
            _outbox.Add(StreamNamespaces.Exams, setup.ExamId, new SlotOpened(
                Guid.CreateVersion7(), clock.GetUtcNow(), Id, setup.ExamId, setup.OwnerId, startsAt, endsAt, capacity));
            await _outbox.CommitAsync();
        }

        return View();
    }

    public Task<SlotView?> GetAsync() => Task.FromResult(State.Exam is null || State.Removed ? null : View());

    public async Task UpdateExamAsync(SlotSetup setup)
    {
        if (State.Exam is { } before && before != setup)
        {
            State.Exam = setup;
            var booked = State.Bookings.Values.Count(b => b.Status == BookingStatus.Booked);
            if (booked > 0 && !State.Removed && (before.ExamTitle != setup.ExamTitle || before.DurationMinutes != setup.DurationMinutes || before.IsOpen != setup.IsOpen))
            {
                // Booked students are told (notifications); a change nobody booked is not a fact anyone waits for.
                _outbox.Add(StreamNamespaces.Exams, setup.ExamId, new SlotChanged(
                    Guid.CreateVersion7(), clock.GetUtcNow(), Id, setup.ExamId, setup.OwnerId, setup.ExamTitle, before.ExamTitle,
                    State.StartsAt, State.StartsAt.AddMinutes(setup.DurationMinutes), State.StartsAt.AddMinutes(before.DurationMinutes), setup.IsOpen, booked));
                await _outbox.CommitAsync();
            }
            else
            {
                await slot.WriteStateAsync();
            }
        }
    }

    public async Task<SlotView> ReserveAsync(SlotReservation reservation)
    {
        var exam = Exam;
        if (State.Bookings.TryGetValue(reservation.BookingId, out var existing) && existing.Status == BookingStatus.Booked)
        {
            return View();
        }

        if (!exam.IsOpen)
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
        _outbox.Add(StreamNamespaces.Bookings, Id, new BookingMade(
            Guid.CreateVersion7(), clock.GetUtcNow(), reservation.BookingId, Id, exam.ExamId, reservation.StudentId, exam.OwnerId, State.StartsAt, Booked, State.Capacity));
        await _outbox.CommitAsync();
        return View();
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
        var exam = State.Exam!;
        _outbox.Add(StreamNamespaces.Bookings, Id, new BookingCancelled(
            Guid.CreateVersion7(), clock.GetUtcNow(), bookingId, Id, exam.ExamId, booking.StudentId, exam.OwnerId, State.StartsAt));
        await _outbox.CommitAsync();
    }

    public async Task MarkCompletedAsync(string bookingId)
    {
        if (State.Bookings.TryGetValue(bookingId, out var booking) && booking.Status == BookingStatus.Booked)
        {
            booking.Status = BookingStatus.Completed;
            await slot.WriteStateAsync();
        }
    }

    public async Task RemoveAsync()
    {
        if (State.Exam is null || State.Removed)
        {
            return;
        }

        if (State.Bookings.Values.Any(b => b.HoldsSeat))
        {
            throw ProctorWiseException.Conflict("This slot has bookings: cancel them first.");
        }

        State.Removed = true;
        var exam = State.Exam;
        _outbox.Add(StreamNamespaces.Exams, exam.ExamId, new SlotCancelled(Guid.CreateVersion7(), clock.GetUtcNow(), Id, exam.ExamId, exam.OwnerId, State.StartsAt));
        await _outbox.CommitAsync();
    }

    public async Task AssignProctorAsync(Caller caller, string proctorId)
    {
        EnsureManager(caller);
        var user = await GrainFactory.GetGrain<IUserGrain>(proctorId).GetAsync();
        if (user is not { Role: UserRole.Proctor or UserRole.Admin, IsActive: true })
        {
            throw ProctorWiseException.Invalid("proctorId", "Not an active proctor.");
        }

        if (State.ProctorIds.Add(proctorId))
        {
            await slot.WriteStateAsync();
        }

        // Idempotent: the proctor grain subscribes to the room's stream once.
        await GrainFactory.GetGrain<IProctorGrain>(proctorId).AddRoomAsync(this.GetPrimaryKeyString());
    }

    public async Task UnassignProctorAsync(Caller caller, string proctorId)
    {
        EnsureManager(caller);
        if (State.ProctorIds.Remove(proctorId))
        {
            await slot.WriteStateAsync();
        }

        await GrainFactory.GetGrain<IProctorGrain>(proctorId).RemoveRoomAsync(this.GetPrimaryKeyString());
    }

    public async Task<IReadOnlyList<string>> ListProctorsAsync(Caller caller)
    {
        if (!await CanSuperviseAsync(caller))
        {
            throw ProctorWiseException.Forbidden("Only the exam's owner, the room's proctors and admins see its proctors.");
        }

        return [.. State.ProctorIds.Order(StringComparer.Ordinal)];
    }

    public Task<bool> CanSuperviseAsync(Caller caller) =>
        Task.FromResult(State.Exam is { } exam && !State.Removed && (caller.IsAdmin || caller.IsOwningTeacher(exam.OwnerId) || caller.IsAssignedProctor(State.ProctorIds)));

    public Task<bool> IsProctorAsync(string userId) => Task.FromResult(!State.Removed && State.ProctorIds.Contains(userId));

    public Task<IReadOnlyList<SlotBookingView>> ListBookingsAsync(Caller caller)
    {
        var exam = Exam;
        if (!caller.IsAdmin && !caller.IsOwningTeacher(exam.OwnerId) && !caller.IsAssignedProctor(State.ProctorIds))
        {
            throw ProctorWiseException.Forbidden("Only the exam's owner and the slot's proctors see its bookings.");
        }

        var slotId = this.GetPrimaryKeyString();
        IReadOnlyList<SlotBookingView> bookings =
        [
            .. State.Bookings
                .OrderBy(b => b.Value.CreatedAt)
                .Select(b => new SlotBookingView(b.Key, slotId, exam.ExamId, b.Value.StudentId, b.Value.StudentName, b.Value.Status, b.Value.CreatedAt)),
        ];
        return Task.FromResult(bookings);
    }

    private void EnsureManager(Caller caller)
    {
        if (!caller.IsAdmin && !caller.IsOwningTeacher(Exam.OwnerId))
        {
            throw ProctorWiseException.Forbidden("Only the exam's owner or an admin assigns proctors.");
        }
    }

    private static DateTimeOffset EndOf(DateTimeOffset startsAt, int durationMinutes) =>
        durationMinutes >= 0 && DateTimeOffset.MaxValue - startsAt > TimeSpan.FromMinutes(durationMinutes)
            ? startsAt.AddMinutes(durationMinutes)
            : throw ProctorWiseException.Invalid("startsAt", "The slot would end after the last date the server can represent.");

    private SlotView View()
    {
        var exam = Exam;
        return new SlotView(
            this.GetPrimaryKeyString(), exam.ExamId, State.StartsAt, State.StartsAt.AddMinutes(exam.DurationMinutes),
            State.Capacity, Booked, exam.IsOpen, exam.ExamTitle);
    }
}
