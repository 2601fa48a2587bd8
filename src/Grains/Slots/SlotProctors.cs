using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Slots;

/// <summary>
/// A slot's proctors, owned by its <see cref="ExamSlotGrain"/>: the exam's owner or an admin assigns them, each
/// assignment subscribes the proctor to the room, and they (with the owner and admins) may supervise the slot.
/// </summary>
internal sealed class SlotProctors(IPersistentState<SlotState> slot, string slotId, Func<SlotSetup> exam, IGrainFactory grains)
{
    private SlotState State => slot.State;

    public async Task AssignAsync(Caller caller, string proctorId)
    {
        EnsureManager(caller);
        var user = await grains.GetGrain<IUserGrain>(proctorId).GetAsync();
        if (user is not { Role: UserRole.Proctor or UserRole.Admin, IsActive: true })
        {
            throw ProctorWiseException.Invalid("proctorId", "Not an active proctor.");
        }

        if (State.ProctorIds.Add(proctorId))
        {
            await slot.WriteStateAsync();
        }

        // Idempotent: the proctor grain subscribes to the room's stream once.
        await grains.GetGrain<IProctorGrain>(proctorId).AddRoomAsync(slotId);
    }

    public async Task UnassignAsync(Caller caller, string proctorId)
    {
        EnsureManager(caller);
        if (State.ProctorIds.Remove(proctorId))
        {
            await slot.WriteStateAsync();
        }

        await grains.GetGrain<IProctorGrain>(proctorId).RemoveRoomAsync(slotId);
    }

    public async Task<IReadOnlyList<string>> ListAsync(Caller caller)
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

    private void EnsureManager(Caller caller)
    {
        if (!caller.IsAdmin && !caller.IsOwningTeacher(exam().OwnerId))
        {
            throw ProctorWiseException.Forbidden("Only the exam's owner or an admin assigns proctors.");
        }
    }
}
