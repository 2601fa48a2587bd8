using System.Net;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// A grade changed after its result was published is recorded and shown to its student (issue 12), over HTTP: the
/// student sees when and old → new, the teacher also who; no one else sees it; bad input is a problem naming the field.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PublishedGradeChangeTests(ApiFactory factory)
{
    private async Task<(RunningSession Running, string SubmissionId)> PublishedAsync()
    {
        var running = await RunningSession.StartAsync(factory, title: "Regraded exam");
        var (teacher, student) = (running.Teacher, running.Student);
        await Expect.Status(HttpStatusCode.NoContent, await student.PutAsync($"/api/sessions/{running.Session.Id}/answers/essay", new { answer = "Shared electrons.", seq = 1 }));
        var submitted = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{running.Session.Id}/submit"));
        await Expect.Status(HttpStatusCode.OK, await teacher.PutAsync($"/api/submissions/{submitted.SubmissionId}/grades/essay", new { score = 3, feedback = "Fine." }));
        await Expect.Status(HttpStatusCode.OK, await teacher.PostAsync($"/api/submissions/{submitted.SubmissionId}/publish"));
        return (running, submitted.SubmissionId);
    }

    [Fact]
    public async Task TheStudentSeesThatAPublishedGradeChangedAndAnotherStudentCannot()
    {
        var (running, id) = await PublishedAsync();
        var (teacher, student) = (running.Teacher, running.Student);
        factory.Clock.Advance(TimeSpan.FromHours(1));

        var changed = await teacher.ReadAsync<SubmissionView>(
            await teacher.PutAsync($"/api/submissions/{id}/grades/essay", new { score = 4, feedback = "Fine.", reason = "Second marker agreed on full marks." }));
        var record = Assert.Single(changed.Changes!);
        Assert.Equal((teacher.User!.Id, teacher.User.Name, 3m, 4m, false), (record.ChangedBy, record.ChangedByName, record.PreviousQuestionScore, record.QuestionScore, record.FeedbackChanged));

        // The student's result and list both show the change (when, old → new, why), not who made it.
        var seen = await student.GetAsync<SubmissionView>($"/api/submissions/{id}");
        Assert.Equal((SubmissionStatus.Published, 4m), (seen.Status, seen.Score));
        var shown = Assert.Single(seen.Changes!);
        Assert.Equal((record.ChangedAt, 3m, 4m, 30m, 40m, "Second marker agreed on full marks."), (shown.ChangedAt, shown.PreviousScore, shown.Score, shown.PreviousPercent, shown.Percent, shown.Reason));
        Assert.Null(shown.ChangedBy);
        Assert.Null(shown.ChangedByName);
        var listed = Assert.Single((await student.GetAsync<PagedResult<SubmissionView>>("/api/submissions/me")).Items);
        Assert.Single(listed.Changes!);
        var raw = await student.GetStringAsync($"/api/submissions/{id}");
        Assert.DoesNotContain(teacher.User.Name, raw, StringComparison.Ordinal);

        // Another student learns nothing of it, nor can they change it.
        var other = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        await Expect.Problem(HttpStatusCode.NotFound, await other.GetRawAsync($"/api/submissions/{id}"));
        await Expect.Problem(HttpStatusCode.Forbidden, await other.PutAsync($"/api/submissions/{id}/grades/essay", new { score = 0, reason = "mine" }));
        Assert.Single((await teacher.GetAsync<SubmissionView>($"/api/submissions/{id}")).Changes!);
    }

    [Fact]
    public async Task ABadReasonIsAProblemNamingItAndAnUnknownSubmissionCannotBePublished()
    {
        var (running, id) = await PublishedAsync();
        var teacher = running.Teacher;

        await Expect.ValidationError("reason", await teacher.PutAsync($"/api/submissions/{id}/grades/essay", new { score = 2, reason = new string('r', 1001) }));
        await Expect.ValidationError("reason", await teacher.PutAsync($"/api/submissions/{id}/grades/essay", new { score = 2, reason = "tab\u0000nul" }));
        await Expect.ValidationError("reason", await teacher.PutAsync($"/api/submissions/{id}/grades/essay", new { score = 2, reason = 12 }));
        Assert.Empty((await teacher.GetAsync<SubmissionView>($"/api/submissions/{id}")).Changes!);

        var admin = await factory.AdminAsync();
        var unknown = Guid.NewGuid().ToString("N");
        await Expect.Problem(HttpStatusCode.NotFound, await admin.PostAsync($"/api/submissions/{unknown}/publish"));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync($"/api/submissions/{unknown}"));
        await Expect.Problem(HttpStatusCode.NotFound, await teacher.PostAsync($"/api/submissions/{unknown}/publish"));
    }
}
