using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Slots;

/// <inheritdoc cref="IExamSlotGrain"/>
/// <remarks>The slot's setup and lifetime live here; its seats are <see cref="SlotBookings"/> and its proctors <see cref="SlotProctors"/>.</remarks>
public sealed class ExamSlotGrain(
    [PersistentState(StateNames.Slot, StorageNames.Default)] IPersistentState<SlotState> slot,
    EventOutboxFactory outboxes,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IExamSlotGrain
{
    private EventOutbox _outbox = null!;
    private SlotBookings _bookings = null!;
    private SlotProctors _proctors = null!;

    private SlotState State => slot.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => slot.WriteStateAsync());
        _bookings = new SlotBookings(slot, Id, () => Exam, _outbox, clock);
        _proctors = new SlotProctors(slot, Id, () => Exam, GrainFactory);
        return _outbox.OnActivateAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _outbox.OnDeactivateAsync();

    private SlotSetup Exam => State.Exam is { } exam && !State.Removed ? exam : throw ProctorWiseException.NotFound("Slot");

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
        await _bookings.ReserveAsync(reservation);
        return View();
    }

    public Task ReleaseAsync(string bookingId) => _bookings.ReleaseAsync(bookingId);

    public Task MarkCompletedAsync(string bookingId) => _bookings.MarkCompletedAsync(bookingId);

    public Task<IReadOnlyList<SlotBookingView>> ListBookingsAsync(Caller caller) => _bookings.ListAsync(caller);

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

    public Task AssignProctorAsync(Caller caller, string proctorId) => _proctors.AssignAsync(caller, proctorId);

    public Task UnassignProctorAsync(Caller caller, string proctorId) => _proctors.UnassignAsync(caller, proctorId);

    public Task<IReadOnlyList<string>> ListProctorsAsync(Caller caller) => _proctors.ListAsync(caller);

    public Task<bool> CanSuperviseAsync(Caller caller) => _proctors.CanSuperviseAsync(caller);

    public Task<bool> IsProctorAsync(string userId) => _proctors.IsProctorAsync(userId);

    private static DateTimeOffset EndOf(DateTimeOffset startsAt, int durationMinutes) =>
        durationMinutes >= 0 && DateTimeOffset.MaxValue - startsAt > TimeSpan.FromMinutes(durationMinutes)
            ? startsAt.AddMinutes(durationMinutes)
            : throw ProctorWiseException.Invalid("startsAt", "The slot would end after the last date the server can represent.");

    private SlotView View()
    {
        var exam = Exam;
        return new SlotView(
            this.GetPrimaryKeyString(), exam.ExamId, State.StartsAt, State.StartsAt.AddMinutes(exam.DurationMinutes),
            State.Capacity, _bookings.Booked, exam.IsOpen, exam.ExamTitle);
    }
}
