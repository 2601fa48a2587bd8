using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The room report of issue 15 over real HTTP: a student's anomaly with its reason, the risk replayed over the
/// session, and every action taken (acknowledgement, warning, review, termination) with who and when; read by the
/// slot's proctors, the exam's owner and admins, refused to a proctor of another room and to the student.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoomReportTests(ApiFactory factory)
{
    [Fact]
    public async Task TheReportHoldsEachStudentsAnomaliesRiskAndActionsForTheRoomsSupervisorsOnly()
    {
        var s = await ArrangeAsync();
        var id = s.Session.Id;

        // Half a minute in, the tab is hidden for a minute: one medium anomaly, which raises an alert.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await Expect.Status(HttpStatusCode.Accepted, await s.Student.PostAsync($"/api/sessions/{id}/events", new { type = "tab_hidden", occurredAt = factory.Clock.GetUtcNow(), seq = 1 }));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect.Status(HttpStatusCode.Accepted, await s.Student.PostAsync($"/api/sessions/{id}/events", new { type = "resume", occurredAt = factory.Clock.GetUtcNow(), seq = 2 }));
        var alert = (await Eventually.UntilAsync(
            () => s.First.GetAsync<List<ProctorAlert>>("/api/proctor/alerts"),
            alerts => alerts.Any(a => a.SessionId == id),
            "the tab_hidden alert reaches the first proctor's inbox")).First(a => a.SessionId == id);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var beforeAck = factory.Clock.GetUtcNow();
        await Expect.Status(HttpStatusCode.NoContent, await s.First.PostAsync($"/api/proctor/alerts/{alert.AlertId}/ack"));
        var afterAck = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect.Status(HttpStatusCode.Accepted, await s.First.PostAsync($"/api/sessions/{id}/warnings", new { message = "Stay on the exam tab." }));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect.Status(HttpStatusCode.OK, await s.Second.PostAsync($"/api/sessions/{id}/review", new { note = "Tab switch checked." }));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect.Status(HttpStatusCode.OK, await s.Second.PostAsync($"/api/sessions/{id}/terminate", new { reason = "Left the tab again." }));

        var report = await s.First.GetAsync<RoomReport>($"/api/proctor/rooms/{s.SlotId}/report");
        Assert.Equal(s.SlotId, report.Slot.Id);
        var student = Assert.Single(report.Students);
        Assert.Equal((id, "Rita Report", SessionStatus.Terminated), (student.SessionId, student.StudentName, student.Status));
        var endedAt = student.EndedAt ?? throw new InvalidOperationException("the terminated session has no end");
        Assert.Equal("Left the tab again.", student.EndReason);
        Assert.Equal(1, student.Warnings);

        var anomaly = Assert.Single(student.Anomalies);
        Assert.Equal((AnomalyType.TabHidden, Severity.Medium), (anomaly.Type, anomaly.Severity));
        Assert.Matches(@"^Left the exam tab \(6\d s away\)$", anomaly.Reason);
        var (hiddenAt, resumedAt) = (anomaly.StartedAt, anomaly.EndedAt ?? throw new InvalidOperationException("the tab came back"));
        Assert.InRange(resumedAt - hiddenAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1.5));

        // Risk over time (docs/risk-score.md): 0 before the anomaly, 22 while one medium anomaly lasts,
        // then it fades (e^(−minutes since it ended / 10)), from the session's start to its end, in time order.
        var risk = student.RiskOverTime;
        Assert.Equal(student.StartedAt, risk[0].At);
        Assert.Equal(0, risk[0].Score);
        Assert.Equal(22, risk.Single(p => p.At == hiddenAt).Score);
        Assert.Equal(22, risk.Single(p => p.At == resumedAt).Score);
        Assert.Equal(endedAt, risk[^1].At);
        Assert.Equal(Score(3 * Math.Exp(-(endedAt - resumedAt).TotalMinutes / 10)), risk[^1].Score);
        Assert.InRange(risk[^1].Score, 1, 21);
        Assert.Equal(risk[^1].Score, student.RiskScore);
        Assert.Equal(22, student.PeakRisk);
        Assert.True(risk.Zip(risk.Skip(1)).All(p => p.First.At < p.Second.At), "points in time order");
        Assert.All(risk.Where(p => p.At > resumedAt), p => Assert.InRange(p.Score, student.RiskScore, 22));

        // The actions, in time order, with who did them.
        Assert.Collection(
            student.Actions,
            a =>
            {
                Assert.Equal((SupervisorActionKind.Acknowledgement, s.First.User!.Id, "Medium alert: Left the exam tab"), (a.Kind, a.By, a.Text));
                Assert.InRange(a.At!.Value, beforeAck, afterAck);
            },
            a => Assert.Equal((SupervisorActionKind.Warning, s.First.User!.Id, "Stay on the exam tab."), (a.Kind, a.By, a.Text)),
            a => Assert.Equal((SupervisorActionKind.Review, s.Second.User!.Id, "Tab switch checked."), (a.Kind, a.By, a.Text)),
            a => Assert.Equal(new SupervisorAction(SupervisorActionKind.Termination, endedAt, s.Second.User!.Id, "Left the tab again.", s.Second.User!.Name), a));

        // The other proctor of the room, the exam's owner and an admin read it; a proctor of another room, the
        // student and anyone signed out do not; an unknown room is a 404.
        Assert.Single((await s.Second.GetAsync<RoomReport>($"/api/proctor/rooms/{s.SlotId}/report")).Students);
        Assert.Single((await s.Teacher.GetAsync<RoomReport>($"/api/proctor/rooms/{s.SlotId}/report")).Students);
        Assert.Single((await (await factory.AdminAsync()).GetAsync<RoomReport>($"/api/proctor/rooms/{s.SlotId}/report")).Students);
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Outsider.GetRawAsync($"/api/proctor/rooms/{s.SlotId}/report"));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Student.GetRawAsync($"/api/proctor/rooms/{s.SlotId}/report"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetRawAsync($"/api/proctor/rooms/{s.SlotId}/report")).StatusCode);
        await Expect.Problem(HttpStatusCode.NotFound, await s.First.GetRawAsync("/api/proctor/rooms/no-such-slot/report"));
    }

    /// <summary>
    /// Like <see cref="ProctoredRoom"/>, but the exam needs no webcam: the session's tick would otherwise open a
    /// "webcam stopped" anomaly at a moment that depends on timing, and the figures below would depend on it.
    /// </summary>
    private async Task<(ApiClient Teacher, ApiClient Student, ApiClient First, ApiClient Second, ApiClient Outsider, SessionView Session, string SlotId)> ArrangeAsync()
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student, "Rita Report");
        var (first, second, outsider) = (await admin.NewUserAsync(UserRole.Proctor), await admin.NewUserAsync(UserRole.Proctor), await admin.NewUserAsync(UserRole.Proctor));
        var body = JsonSerializer.SerializeToNode(ApiClient.ExamBody("Report chemistry"), ApiClient.Json)!.AsObject();
        body["proctoring"] = new JsonObject { ["webcamRequired"] = false };
        var draft = await teacher.ReadAsync<ExamView>(await teacher.PostAsync("/api/exams", body), HttpStatusCode.Created);
        var exam = await teacher.ReadAsync<ExamView>(await teacher.PostAsync($"/api/exams/{draft.Id}/publish"));
        var slot = await teacher.AddSlotAsync(exam.Id, BookedSlot.OpensIn);
        var other = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromHours(3));
        foreach (var (slotId, proctor) in new[] { (slot.Id, first), (slot.Id, second), (other.Id, outsider) })
        {
            await Expect.Status(HttpStatusCode.NoContent, await teacher.PostAsync($"/api/slots/{slotId}/proctors", new { proctorId = proctor.User!.Id }));
        }

        var booking = await student.BookAsync(slot.Id);
        factory.Clock.Advance(BookedSlot.OpensIn);
        var session = await student.StartAsync(booking.Id);
        await Eventually.UntilAsync(
            () => first.GetAsync<RoomSnapshot>($"/api/proctor/rooms/{slot.Id}"),
            room => room.Sessions.Any(x => x.SessionId == session.Id),
            "the room lists the session after its start");
        return (teacher, student, first, second, outsider, session, slot.Id);
    }

    private static int Score(double sum) => (int)Math.Round(100 * (1 - Math.Exp(-sum / 12)), MidpointRounding.AwayFromZero);
}
