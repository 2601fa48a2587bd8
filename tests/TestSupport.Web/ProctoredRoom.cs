using System.Net;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.TestSupport.Web;

/// <summary>
/// A running exam room arranged through the API: a <see cref="RunningSession"/> whose slot has two assigned
/// proctors, and an outsider proctor of another slot of the same exam.
/// </summary>
public sealed record ProctoredRoom(
    ApiClient Teacher, ApiClient Student, ApiClient First, ApiClient Second, ApiClient Outsider, SessionView Session, string SlotId, string OtherSlotId)
{
    public static async Task<ProctoredRoom> ArrangeAsync(ApiFactory factory, string studentName = "Ada Student")
    {
        var admin = await factory.AdminAsync();
        var first = await admin.NewUserAsync(UserRole.Proctor);
        var second = await admin.NewUserAsync(UserRole.Proctor);
        var outsider = await admin.NewUserAsync(UserRole.Proctor);
        var booked = await BookedSlot.ArrangeAsync(factory, studentName: studentName);
        var teacher = booked.Teacher;
        var otherSlot = await teacher.AddSlotAsync(booked.Exam.Id, TimeSpan.FromHours(3));
        foreach (var (slotId, proctor) in new[] { (booked.Slot.Id, first), (booked.Slot.Id, second), (otherSlot.Id, outsider) })
        {
            await Expect.Status(HttpStatusCode.NoContent, await teacher.PostAsync($"/api/slots/{slotId}/proctors", new { proctorId = proctor.User!.Id }));
        }

        var running = await booked.StartAsync();
        await WaitUntilTheRoomListsAsync(first, running.Slot.Id, running.Session.Id);
        return new ProctoredRoom(teacher, running.Student, first, second, outsider, running.Session, running.Slot.Id, otherSlot.Id);
    }

    // The room learns of a started session from the room's stream, a moment after the start returns
    // (eventually consistent by design: a dashboard that watches earlier gets the session as a
    // sessionChanged). Tests that assert on the first snapshot wait for it here.
    private static async Task WaitUntilTheRoomListsAsync(ApiClient proctor, string slotId, string sessionId) =>
        await Eventually.UntilAsync(
            () => proctor.GetAsync<RoomSnapshot>($"/api/proctor/rooms/{slotId}"),
            room => room.Sessions.Any(s => s.SessionId == sessionId),
            $"room {slotId} lists session {sessionId} after its start",
            describe: room => $"sessions [{string.Join(", ", room.Sessions.Select(s => s.SessionId))}]");
}
