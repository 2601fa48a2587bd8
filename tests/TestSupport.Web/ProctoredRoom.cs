using System.Net;
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
        return new ProctoredRoom(teacher, student, first, second, outsider, await student.StartAsync(booking.Id), slot.Id, otherSlot.Id);
    }
}
