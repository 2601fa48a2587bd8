using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// Who may supervise a session: an admin, a proctor assigned to its slot, and (for reading, extra time)
/// the exam's owner. Warnings and termination are for proctors and admins only.
/// </summary>
internal static class SupervisionPolicy
{
    public static async Task<bool> MaySuperviseAsync(IGrainFactory grains, Caller caller, SessionStart start, bool ownerAllowed) =>
        caller.IsAdmin
        || (ownerAllowed && caller.IsOwningTeacher(start.Exam.OwnerId))
        || (caller.Role == UserRole.Proctor && await grains.GetGrain<IExamSlotGrain>(start.SlotId).IsProctorAsync(caller.UserId));
}
