using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ProctorWise.Api.Features.Bookings;
using ProctorWise.Api.Features.Proctoring;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The live path over real HTTP and real SignalR: a student's frames and events become alerts that every
/// proctor of the room receives once, with the reason; warnings and termination reach the student.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProctoringEndToEndTests(ApiFactory factory)
{
    private Task<ProctoredRoom> ArrangeAsync() => ProctoredRoom.ArrangeAsync(factory);

    private async Task<HttpResponseMessage> PostFrameAsync(ApiClient student, string sessionId, byte[] frame)
    {
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        return await student.Http.PostAsync(new Uri($"/api/sessions/{sessionId}/frames", UriKind.Relative), FrameContent.Of(frame), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FramesAndEventsReachEveryProctorOnceWarningsAndTerminationReachTheStudent()
    {
        var s = await ArrangeAsync();
        await using var first = await HubClient.ConnectAsync(factory, "/hubs/proctor", s.First.Token!, "alert", "sessionChanged");
        await using var second = await HubClient.ConnectAsync(factory, "/hubs/proctor", s.Second.Token!, "alert", "sessionChanged");
        await using var outsider = await HubClient.ConnectAsync(factory, "/hubs/proctor", s.Outsider.Token!, "alert", "sessionChanged");
        await using var student = await HubClient.ConnectAsync(factory, "/hubs/student", s.Student.Token!, "warning", "terminated", "deadlineChanged");

        var snapshot = await first.Connection.InvokeAsync<JsonElement>("WatchRoom", s.SlotId, TestContext.Current.CancellationToken);
        Assert.Equal(s.Session.Id, snapshot.GetProperty("sessions")[0].GetProperty("sessionId").GetString());
        await second.Connection.InvokeAsync<JsonElement>("WatchRoom", s.SlotId, TestContext.Current.CancellationToken);
        await outsider.Connection.InvokeAsync<JsonElement>("WatchRoom", s.OtherSlotId, TestContext.Current.CancellationToken);
        var foreign = await Assert.ThrowsAsync<HubException>(() => outsider.Connection.InvokeAsync<JsonElement>("WatchRoom", s.SlotId, TestContext.Current.CancellationToken));
        Assert.Contains("Forbidden", foreign.Message, StringComparison.Ordinal);
        await student.Connection.InvokeAsync<JsonElement>("JoinSession", s.Session.Id, TestContext.Current.CancellationToken);

        // A face, then an empty room for six seconds: one no_face alert, not one per frame.
        var seen = await s.Student.ReadAsync<FrameResponse>(await PostFrameAsync(s.Student, s.Session.Id, TestFrames.WebcamWithFace), HttpStatusCode.Accepted);
        Assert.Single(seen.Faces);
        Assert.Equal(Grains.Interfaces.Vision.CheckStatus.Unavailable, seen.Checks["objects"]);
        for (var i = 0; i < 6; i++)
        {
            var empty = await s.Student.ReadAsync<FrameResponse>(await PostFrameAsync(s.Student, s.Session.Id, TestFrames.WebcamEmpty), HttpStatusCode.Accepted);
            Assert.Empty(empty.Faces);
        }

        await Expect.Status(HttpStatusCode.Accepted, await s.Student.PostAsync($"/api/sessions/{s.Session.Id}/events", new { type = "tab_hidden", occurredAt = DateTimeOffset.UtcNow, seq = 1 }));

        // The tab_hidden signal came after every frame: its alert follows, on the room's stream, any alert the
        // frames raised, so once it is in, a second no_face alert would be there too.
        foreach (var proctor in new[] { first, second })
        {
            var alerts = await proctor.WaitForAsync("alert", m => m.Any(a => a.GetProperty("type").GetString() == "tab_hidden"));
            Assert.Equal(2, alerts.Count);
            Assert.StartsWith("No face visible for", alerts[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("no_face", alerts[0].GetProperty("type").GetString());
            Assert.Equal("Ada Student", alerts[0].GetProperty("studentName").GetString());
            Assert.Equal("Left the exam tab", alerts[1].GetProperty("reason").GetString());
            Assert.NotEmpty(proctor.Messages("sessionChanged"));
        }

        Assert.Empty(outsider.Messages("alert"));
        Assert.Empty(outsider.Messages("sessionChanged"));

        // The anomaly list carries the evidence frame, served to supervisors only.
        var anomalies = await s.First.GetAsync<List<AnomalyResponse>>($"/api/sessions/{s.Session.Id}/anomalies");
        var noFace = anomalies.Single(a => a.Type == AnomalyType.NoFace);
        var evidence = await s.First.GetRawAsync(noFace.EvidenceUrl!);
        await Expect.Status(HttpStatusCode.OK, evidence);
        Assert.Equal("image/jpeg", evidence.Content.Headers.ContentType?.MediaType);
        Expect.SecurityHeaders(evidence);
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Outsider.GetRawAsync(noFace.EvidenceUrl!));

        // Acknowledge one alert; the inbox keeps it as acknowledged.
        var inbox = await s.First.GetAsync<List<ProctorAlert>>("/api/proctor/alerts?unacknowledged=true");
        Assert.Equal(2, inbox.Count);
        await Expect.Status(HttpStatusCode.NoContent, await s.First.PostAsync($"/api/proctor/alerts/{inbox[0].AlertId}/ack"));
        Assert.Single(await s.First.GetAsync<List<ProctorAlert>>("/api/proctor/alerts?unacknowledged=true"));
        Assert.Equal(2, (await s.Second.GetAsync<List<ProctorAlert>>("/api/proctor/alerts?unacknowledged=true")).Count);

        // Extra time reaches the student as the new deadline.
        var extended = await s.First.ReadAsync<SessionView>(await s.First.PostAsync($"/api/sessions/{s.Session.Id}/extend", new { minutes = 5 }));
        Assert.Equal(s.Session.Deadline.AddMinutes(5), extended.Deadline);
        var deadline = Assert.Single(await student.WaitForAsync("deadlineChanged", m => m.Count >= 1));
        Assert.Equal(extended.Deadline, deadline.GetProperty("deadline").GetDateTimeOffset());

        // Warning, then termination, reach the student live.
        await Expect.Status(HttpStatusCode.Accepted, await s.First.PostAsync($"/api/sessions/{s.Session.Id}/warnings", new { message = "Please stay in front of the camera." }));
        var warning = Assert.Single(await student.WaitForAsync("warning", m => m.Count >= 1));
        Assert.Equal("Please stay in front of the camera.", warning.GetProperty("message").GetString());

        var terminated = await s.Second.ReadAsync<SubmitResponse>(await s.Second.PostAsync($"/api/sessions/{s.Session.Id}/terminate", new { reason = "Left the room" }));
        var message = Assert.Single(await student.WaitForAsync("terminated", m => m.Count >= 1));
        Assert.Equal("Left the room", message.GetProperty("reason").GetString());
        var ended = await s.Student.GetAsync<SessionView>($"/api/sessions/{s.Session.Id}");
        Assert.Equal(SessionStatus.Terminated, ended.Status);
        Assert.Equal("Left the room", ended.EndReason);
        Assert.Equal(terminated.SubmissionId, ended.SubmissionId);
        await first.WaitForAsync("sessionChanged", m => m.Any(x => x.GetProperty("status").GetString() == "terminated"));

        var rooms = await s.First.GetAsync<List<RoomSummary>>("/api/proctor/rooms");
        Assert.Equal(1, Assert.Single(rooms).Finished);

        // Nothing more is taken from an ended session.
        await Expect.Problem(HttpStatusCode.Conflict, await s.Student.PostAsync($"/api/sessions/{s.Session.Id}/events", new { type = "paste", occurredAt = DateTimeOffset.UtcNow, seq = 2 }));
        await Expect.Problem(HttpStatusCode.Conflict, await PostFrameAsync(s.Student, s.Session.Id, TestFrames.WebcamWithFace));
        Assert.DoesNotContain(await s.First.GetAsync<List<AnomalyResponse>>($"/api/sessions/{s.Session.Id}/anomalies"), a => a.Type == AnomalyType.Paste);
    }

    [Fact]
    public async Task ABurstOfBrowserEventsIsThrottledWithProblemsNotErrors()
    {
        var s = await ArrangeAsync();
        var statuses = new List<HttpStatusCode>();
        for (var seq = 1; seq <= 45; seq++)
        {
            var response = await s.Student.PostAsync($"/api/sessions/{s.Session.Id}/events", new { type = "copy", occurredAt = DateTimeOffset.UtcNow, seq });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Expect.Problem(HttpStatusCode.TooManyRequests, response);
            }
        }

        Assert.All(statuses, code => Assert.True(code is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests, code.ToString()));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.InRange(statuses.Count(c => c == HttpStatusCode.Accepted), 30, 44);
    }

    [Fact]
    public async Task TeachersListProctorsAndManageASlotsProctors()
    {
        var s = await ArrangeAsync();
        var proctors = await s.Teacher.GetAsync<List<ProctorSummary>>("/api/proctors");
        Assert.Contains(proctors, p => p.Id == s.First.User!.Id && p.Email == s.First.User.Email);
        Assert.All(proctors, p => Assert.NotEqual(s.Student.User!.Id, p.Id));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Student.GetRawAsync("/api/proctors"));

        var assigned = await s.First.GetAsync<List<ProctorSummary>>($"/api/slots/{s.SlotId}/proctors");
        Assert.Equal(new[] { s.First.User!.Id, s.Second.User!.Id }.Order(), assigned.Select(p => p.Id).Order());
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Outsider.GetRawAsync($"/api/slots/{s.SlotId}/proctors"));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Second.DeleteAsync($"/api/slots/{s.SlotId}/proctors/{s.First.User.Id}"));

        await Expect.Status(HttpStatusCode.NoContent, await s.Teacher.DeleteAsync($"/api/slots/{s.SlotId}/proctors/{s.Second.User.Id}"));
        Assert.Single(await s.Teacher.GetAsync<List<ProctorSummary>>($"/api/slots/{s.SlotId}/proctors"));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Second.GetRawAsync($"/api/proctor/rooms/{s.SlotId}"));
        Assert.DoesNotContain(await s.Second.GetAsync<List<RoomSummary>>("/api/proctor/rooms"), r => r.Slot.Id == s.SlotId);
    }

    [Fact]
    public async Task BadFramesAreRefusedCleanly()
    {
        var s = await ArrangeAsync();
        var path = $"/api/sessions/{s.Session.Id}/frames";
        async Task<HttpResponseMessage> Post(byte[] body, string type = "image/jpeg")
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(2));
            return await s.Student.Http.PostAsync(new Uri(path, UriKind.Relative), FrameContent.Of(body, type), TestContext.Current.CancellationToken);
        }

        Task<HttpResponseMessage> Send() =>
            s.Student.Http.PostAsync(new Uri(path, UriKind.Relative), FrameContent.Of(TestFrames.WebcamWithFace), TestContext.Current.CancellationToken);

        await Expect.Problem(HttpStatusCode.UnsupportedMediaType, await Post(TestFrames.WebcamWithFace, "text/plain"));
        await Expect.Problem(HttpStatusCode.UnsupportedMediaType, await Post([]));
        await Expect.Problem(HttpStatusCode.UnsupportedMediaType, await Post([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        await Expect.ValidationError("image", await Post([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]));
        await Expect.Problem(HttpStatusCode.RequestEntityTooLarge, await Post(new byte[SessionProctoringEndpoints.MaxFrameBytes + 1]));

        // Two frames at once: a frame is admitted before it is analysed, so the second is refused however long
        // the first one's analysis takes on a busy machine (the domain clock also runs in real time).
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var pair = await Task.WhenAll(Send(), Send());
        Assert.Equal(new[] { HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }, pair.Select(r => r.StatusCode).Order());
        await Expect.Problem(HttpStatusCode.TooManyRequests, pair.Single(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Empty(await s.Teacher.GetAsync<List<AnomalyResponse>>($"/api/sessions/{s.Session.Id}/anomalies"));
    }

    [Fact]
    public async Task OnlyTheSessionsStudentSendsSignalsAndOnlyItsProctorsAct()
    {
        var s = await ArrangeAsync();
        var intruder = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        var otherTeacher = await (await factory.AdminAsync()).NewUserAsync(UserRole.Teacher);
        var id = s.Session.Id;

        await Expect.Problem(HttpStatusCode.NotFound, await intruder.PostAsync($"/api/sessions/{id}/events", new { type = "paste", seq = 1 }));
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await Expect.Problem(HttpStatusCode.NotFound, await intruder.Http.PostAsync(new Uri($"/api/sessions/{id}/frames", UriKind.Relative), FrameContent.Of(TestFrames.WebcamWithFace), TestContext.Current.CancellationToken));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Student.PostAsync($"/api/sessions/{id}/warnings", new { message = "hi" }));
        await Expect.Problem(HttpStatusCode.Forbidden, await otherTeacher.PostAsync($"/api/sessions/{id}/terminate", new { reason = "x" }));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Outsider.PostAsync($"/api/sessions/{id}/terminate", new { reason = "x" }));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Outsider.GetRawAsync($"/api/sessions/{id}/anomalies"));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Outsider.GetRawAsync($"/api/proctor/rooms/{s.SlotId}"));
        await Expect.Problem(HttpStatusCode.NotFound, await s.First.PostAsync("/api/proctor/alerts/nope/ack"));
        await Expect.ValidationError("type", await s.Student.PostAsync($"/api/sessions/{id}/events", new { type = "screenshot", seq = 1 }));
        await Expect.ValidationError("message", await s.First.PostAsync($"/api/sessions/{id}/warnings", new { message = " " }));

        await using var intruderHub = await HubClient.ConnectAsync(factory, "/hubs/student", intruder.Token!, "warning");
        await Assert.ThrowsAsync<HubException>(() => intruderHub.Connection.InvokeAsync<JsonElement>("JoinSession", id, TestContext.Current.CancellationToken));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => HubClient.ConnectAsync(factory, "/hubs/proctor", s.Student.Token!, "alert"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        Assert.Equal(SessionStatus.InProgress, (await s.Student.GetAsync<SessionView>($"/api/sessions/{id}")).Status);
        Assert.Empty(await s.First.GetAsync<List<AnomalyResponse>>($"/api/sessions/{id}/anomalies"));
    }
}
