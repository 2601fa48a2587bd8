using System.Net;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// Rights that come from ownership (an exam's teacher) or assignment (a slot's proctor) belong to the role:
/// once an admin changes the role, the same person signed in again with the new role has none of them.
/// The roles chosen are the ones that still pass the endpoints' role policies, so only the grains' checks
/// stand between the caller and the data.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoleChangeTests(ApiFactory factory)
{
    private async Task<ApiClient> ChangeRoleAndSignInAgainAsync(ApiClient user, UserRole role)
    {
        var admin = await factory.AdminAsync();
        await Expect.Status(HttpStatusCode.OK, await admin.PatchAsync($"/api/users/{user.User!.Id}", new { role }));
        var again = await factory.Anonymous().LoginAsync(user.User.Email, "password-123");
        Assert.Equal(role, again.User!.Role);
        return again;
    }

    private static async Task ExpectRefusedAsync(IReadOnlyList<(string Call, Func<Task<HttpResponseMessage>> Send)> calls)
    {
        var wrong = new List<string>();
        foreach (var (call, send) in calls)
        {
            using var answer = await send();
            if (answer.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                || answer.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{call}: expected 403/404 problem, got {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task ATeacherMadeProctorLosesTheirExamsSessionsAndSubmissions()
    {
        var running = await RunningSession.StartAsync(factory, title: "Owned exam");
        var (exam, slot, session) = (running.Exam, running.Slot, running.Session);
        var draft = await running.Teacher.ReadAsync<ExamView>(await running.Teacher.PostAsync("/api/exams", ApiClient.ExamBody("Owned draft")), HttpStatusCode.Created);

        // Before: the owner reads the answer keys and the running session.
        Assert.NotNull((await running.Teacher.GetAsync<ExamView>($"/api/exams/{exam.Id}")).Questions);
        await Expect.Status(HttpStatusCode.OK, await running.Teacher.GetRawAsync($"/api/sessions/{session.Id}"));

        var demoted = await ChangeRoleAndSignInAgainAsync(running.Teacher, UserRole.Proctor);

        // The published exam stays visible as to anyone, without its questions and keys.
        Assert.Null((await demoted.GetAsync<ExamView>($"/api/exams/{exam.Id}")).Questions);
        Assert.Equal(0, (await demoted.GetAsync<Grains.Interfaces.Common.PagedResult<ExamView>>("/api/exams")).Items.Count(e => e.Id == draft.Id));
        await ExpectRefusedAsync(
        [
            ("read draft", () => demoted.GetRawAsync($"/api/exams/{draft.Id}")),
            ("edit draft", () => demoted.PutAsync($"/api/exams/{draft.Id}", ApiClient.ExamBody("Changed"))),
            ("read session", () => demoted.GetRawAsync($"/api/sessions/{session.Id}")),
            ("read anomalies", () => demoted.GetRawAsync($"/api/sessions/{session.Id}/anomalies")),
            ("extend", () => demoted.PostAsync($"/api/sessions/{session.Id}/extend", new { minutes = 10 })),
            ("warn", () => demoted.PostAsync($"/api/sessions/{session.Id}/warnings", new { message = "Eyes on screen." })),
            ("slot bookings", () => demoted.GetRawAsync($"/api/slots/{slot.Id}/bookings")),
            ("slot proctors", () => demoted.GetRawAsync($"/api/slots/{slot.Id}/proctors")),
            ("room", () => demoted.GetRawAsync($"/api/proctor/rooms/{slot.Id}")),
            ("submissions", () => demoted.GetRawAsync($"/api/exams/{exam.Id}/submissions")),
        ]);
    }

    [Fact]
    public async Task AProctorMadeTeacherLosesTheRoomTheyWereAssignedTo()
    {
        var running = await RunningSession.StartAsync(factory);
        var proctor = await (await factory.AdminAsync()).NewUserAsync(UserRole.Proctor);
        await Expect.Status(HttpStatusCode.NoContent, await running.Teacher.PostAsync($"/api/slots/{running.Slot.Id}/proctors", new { proctorId = proctor.User!.Id }));
        await Expect.Status(HttpStatusCode.OK, await proctor.GetRawAsync($"/api/sessions/{running.Session.Id}"));
        Assert.Single(await proctor.GetAsync<List<SlotBookingView>>($"/api/slots/{running.Slot.Id}/bookings"));

        var demoted = await ChangeRoleAndSignInAgainAsync(proctor, UserRole.Teacher);

        await ExpectRefusedAsync(
        [
            ("read session", () => demoted.GetRawAsync($"/api/sessions/{running.Session.Id}")),
            ("read anomalies", () => demoted.GetRawAsync($"/api/sessions/{running.Session.Id}/anomalies")),
            ("extend", () => demoted.PostAsync($"/api/sessions/{running.Session.Id}/extend", new { minutes = 10 })),
            ("terminate", () => demoted.PostAsync($"/api/sessions/{running.Session.Id}/terminate", new { reason = "Bye." })),
            ("slot bookings", () => demoted.GetRawAsync($"/api/slots/{running.Slot.Id}/bookings")),
        ]);
    }
}
