using System.Net;
using System.Net.Http.Headers;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The proctor's room (issue 17) over real HTTP: the latest camera frame of a session goes to the room's proctors
/// and admins only, revalidates with its ETag, is never cached; a session is marked reviewed with a validated note.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiveRoomTests(ApiFactory factory)
{
    private async Task PostFrameAsync(ApiClient student, string sessionId, byte[] frame)
    {
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await Expect.Status(HttpStatusCode.Accepted, await student.Http.PostAsync(new Uri($"/api/sessions/{sessionId}/frames", UriKind.Relative), FrameContent.Of(frame), TestContext.Current.CancellationToken));
    }

    private static async Task<HttpResponseMessage> GetFrameAsync(ApiClient client, string sessionId, EntityTagHeaderValue? known = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}/live-frame");
        if (known is not null)
        {
            request.Headers.IfNoneMatch.Add(known);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task TheLatestFrameGoesToTheRoomsProctorsOnlyAndRevalidatesWithItsETag()
    {
        var s = await ProctoredRoom.ArrangeAsync(factory);
        var admin = await factory.AdminAsync();
        var id = s.Session.Id;

        await Expect.Problem(HttpStatusCode.NotFound, await GetFrameAsync(s.First, id));

        await PostFrameAsync(s.Student, id, TestFrames.WebcamWithFace);
        var received = factory.Clock.GetUtcNow();
        var first = await GetFrameAsync(s.First, id);
        await Expect.Status(HttpStatusCode.OK, first);
        Assert.Equal("image/jpeg", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestFrames.WebcamWithFace, await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.True(first.Headers.CacheControl?.NoStore, "the frame must never be cached");
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("no ETag");
        Assert.True(first.Headers.TryGetValues("X-Captured-At", out var capturedAt));
        // Received (server clock) during the frame's POST, before the moment read after it.
        Assert.InRange(DateTimeOffset.Parse(Assert.Single(capturedAt), System.Globalization.CultureInfo.InvariantCulture), received - TimeSpan.FromMinutes(1), received);

        // Unchanged: a bodiless 304 with the same ETag.
        var same = await GetFrameAsync(s.Second, id, etag);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Empty(await same.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, same.Headers.ETag);

        // A new frame: the old ETag now gets the new bytes.
        await PostFrameAsync(s.Student, id, TestFrames.WebcamEmpty);
        var next = await GetFrameAsync(s.First, id, etag);
        await Expect.Status(HttpStatusCode.OK, next);
        Assert.Equal(TestFrames.WebcamEmpty, await next.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.NotEqual(etag, next.Headers.ETag);
        await Expect.Status(HttpStatusCode.OK, await GetFrameAsync(admin, id));

        // A proctor of another room, the exam's own teacher and the student are refused.
        await Expect.Problem(HttpStatusCode.Forbidden, await GetFrameAsync(s.Outsider, id));
        await Expect.Problem(HttpStatusCode.Forbidden, await GetFrameAsync(s.Teacher, id));
        await Expect.Problem(HttpStatusCode.Forbidden, await GetFrameAsync(s.Student, id));
        var stranger = await admin.NewUserAsync(UserRole.Proctor);
        await Expect.Problem(HttpStatusCode.Forbidden, await GetFrameAsync(stranger, id));
        await Expect.Problem(HttpStatusCode.NotFound, await GetFrameAsync(s.First, "no-such-session"));

        // Once the session ended there is no live picture.
        await Expect.Status(HttpStatusCode.OK, await s.First.PostAsync($"/api/sessions/{id}/terminate", new { reason = "Test over" }));
        await Expect.Problem(HttpStatusCode.NotFound, await GetFrameAsync(s.First, id));
    }

    [Fact]
    public async Task ReviewNotesAreValidatedAndOnlyTheRoomsProctorsMarkASessionReviewed()
    {
        var s = await ProctoredRoom.ArrangeAsync(factory);
        var path = $"/api/sessions/{s.Session.Id}/review";

        await Expect.ValidationError("note", await s.First.PostAsync(path, new { note = "  " }));
        await Expect.ValidationError("note", await s.First.PostAsync(path, new { }));
        await Expect.ValidationError("note", await s.First.PostAsync(path, new { note = new string('x', ProctoringLimits.MaxTextLength + 1) }));
        await Expect.ValidationError("note", await s.First.PostAsync(path, new { note = "bell\u0007" }));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Outsider.PostAsync(path, new { note = "Looks fine." }));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Teacher.PostAsync(path, new { note = "Looks fine." }));
        await Expect.Problem(HttpStatusCode.Forbidden, await s.Student.PostAsync(path, new { note = "Looks fine." }));

        var review = await s.First.ReadAsync<SessionReview>(await s.First.PostAsync(path, new { note = "  Checked the no-face alert: lighting.  " }));
        Assert.Equal("Checked the no-face alert: lighting.", review.Note);
        Assert.Equal(s.First.User!.Id, review.ReviewedBy);

        // The room shows the mark, and the progress figures, to every supervisor.
        var room = await Eventually.UntilAsync(
            () => s.Second.GetAsync<RoomSnapshot>($"/api/proctor/rooms/{s.SlotId}"),
            r => r.Sessions.Any(x => x.SessionId == s.Session.Id && x.Review is not null),
            "the room shows the review");
        var live = room.Sessions.Single(x => x.SessionId == s.Session.Id);
        Assert.Equal(review, live.Review);
        Assert.Equal(5, live.QuestionCount);
        Assert.Equal(0, live.Answered);
    }
}
