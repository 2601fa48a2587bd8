using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Exams;

/// <summary>
/// An exam's slots, owned by its <see cref="ExamGrain"/>: the exam holds the slot ids (the list), each slot grain its
/// own seats. Adding records the id before the slot exists, so a failure leaves a dangling id (skipped when listing),
/// never a slot its exam does not know.
/// </summary>
internal sealed partial class ExamSlots(string examId, IPersistentState<ExamState> exam, IGrainFactory grains, Func<SlotSetup> setup, TimeProvider clock, ILogger logger)
{
    private readonly HashSet<string> _reportedUnreadable = new(StringComparer.Ordinal);

    private ExamState State => exam.State;

    /// <summary>Creates a slot of the exam (the owner has been checked).</summary>
    public async Task<SlotView> AddAsync(DateTimeOffset startsAt, int capacity)
    {
        if (State.Status == ExamStatus.Archived)
        {
            throw ProctorWiseException.Conflict("An archived exam cannot get new slots.");
        }

        // Before anything is saved: a slot that cannot be shown must never be recorded.
        ExamRules.CheckSlot(startsAt, capacity, clock.GetUtcNow());
        var slotId = Guid.CreateVersion7().ToString("N");
        State.SlotIds.Add(slotId);
        await exam.WriteStateAsync();
        return await grains.GetGrain<IExamSlotGrain>(slotId).InitializeAsync(setup(), startsAt.ToUniversalTime(), capacity);
    }

    /// <summary>Removes a slot of the exam (the owner has been checked; the slot refuses when it has bookings).</summary>
    public async Task RemoveAsync(string slotId)
    {
        if (!State.SlotIds.Contains(slotId))
        {
            throw ProctorWiseException.NotFound("Slot");
        }

        await grains.GetGrain<IExamSlotGrain>(slotId).RemoveAsync();
        State.SlotIds.Remove(slotId);
        await exam.WriteStateAsync();
    }

    /// <summary>Every readable slot, earliest first (the caller's right to see the exam has been checked).</summary>
    public async Task<IReadOnlyList<SlotView>> ListAsync()
    {
        var slots = await Task.WhenAll(State.SlotIds.Select(TryGetAsync));
        return [.. slots.OfType<SlotView>().OrderBy(s => s.StartsAt)];
    }

    /// <summary>Tells every slot what changed in the exam (title, duration, open for booking).</summary>
    public Task NotifyAsync()
    {
        var current = setup();
        return Task.WhenAll(State.SlotIds.Select(id => grains.GetGrain<IExamSlotGrain>(id).UpdateExamAsync(current)));
    }

    /// <summary>
    /// One slot's view, or null when its stored state cannot be shown (e.g. a start saved before the rules refused
    /// dates that overflow): that slot is left out rather than failing the list for everyone, and logged once per
    /// activation (a Warning, not one entry per listing). An unreachable cluster still fails the call, as a partial
    /// list would then look complete.
    /// </summary>
    private async Task<SlotView?> TryGetAsync(string slotId)
    {
        try
        {
            return await grains.GetGrain<IExamSlotGrain>(slotId).GetAsync();
        }
        catch (Exception e) when (e is not (TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OperationCanceledException))
        {
            if (_reportedUnreadable.Add(slotId))
            {
                LogUnreadableSlot(logger, e, examId, slotId);
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exam {ExamId}: slot {SlotId} could not be read and is left out of the list (logged once per activation)")]
    private static partial void LogUnreadableSlot(ILogger logger, Exception exception, string examId, string slotId);
}
