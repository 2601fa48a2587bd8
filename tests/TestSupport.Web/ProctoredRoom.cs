using System.Net;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.TestSupport.Web;

/// <summary>
/// A running exam room arranged through the API: a teacher's published exam, a slot that has just
/// opened with two assigned proctors and a started session, and an outsider proctor of another slot.
/// </summary>
public sealed record ProctoredRoom(
    ApiClient Teacher, ApiClient Student, ApiClient First, ApiClient Second, ApiClient Outsider, SessionView Session, string SlotId, string OtherSlotId)
{
    public static async Task<ProctoredRoom> ArrangeAsync(ApiFactory factory, string studentName = "Ada Student")
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student, studentName);
        var first = await admin.NewUserAsync(UserRole.Proctor);
        var second = await admin.NewUserAsync(UserRole.Proctor);
        var outsider = await admin.NewUserAsync(UserRole.Proctor);
        var exam = await teacher.CreatePublishedExamAsync();
        var slot = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromSeconds(20));
        var otherSlot = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromHours(3));
        foreach (var (slotId, proctor) in new[] { (slot.Id, first), (slot.Id, second), (otherSlot.Id, outsider) })
        {
            await Expect.Status(HttpStatusCode.NoContent, await teacher.PostAsync($"/api/slots/{slotId}/proctors", new { proctorId = proctor.User!.Id }));
        }

        var booking = await student.BookAsync(slot.Id);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var session = await student.StartAsync(booking.Id);
        await WaitUntilTheRoomListsAsync(first, slot.Id, session.Id);
        return new ProctoredRoom(teacher, student, first, second, outsider, session, slot.Id, otherSlot.Id);
    }

    // The room learns of a started session from the room's stream, a moment after the start returns
    // (eventually consistent by design: a dashboard that watches earlier gets the session as a
    // sessionChanged). Tests that assert on the first snapshot wait for it here.
    private static async Task WaitUntilTheRoomListsAsync(ApiClient proctor, string slotId, string sessionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var room = await proctor.GetAsync<RoomSnapshot>($"/api/proctor/rooms/{slotId}");
            if (room.Sessions.Any(s => s.SessionId == sessionId))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Room {slotId} did not list session {sessionId} within 15 s of its start.");
            }

            await Task.Delay(25);
        }
    }
}
