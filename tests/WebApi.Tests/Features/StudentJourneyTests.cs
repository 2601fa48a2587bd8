using System.Net;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>The whole path of one exam through the HTTP API.</summary>
[Collection(ApiCollection.Name)]
public sealed class StudentJourneyTests(ApiFactory factory)
{
    [Fact]
    public async Task FromRegistrationToAPublishedGrade()
    {
        // A student registers themselves and signs in.
        var email = $"ann-{Guid.NewGuid():N}@school.test";
        var anonymous = factory.Anonymous();
        var registered = await anonymous.ReadAsync<UserView>(
            await anonymous.PostAsync("/api/auth/register", new { name = "Ann Lee", email, password = "ann-password" }), HttpStatusCode.Created);
        Assert.Equal(UserRole.Student, registered.Role);
        var student = await anonymous.LoginAsync(email, "ann-password");

        // A teacher publishes an exam with a slot; the student books it.
        var booked = await BookedSlot.ArrangeAsync(factory, student: student);
        var (teacher, exam) = (booked.Teacher, booked.Exam);
        Assert.Equal(BookingStatus.Booked, Assert.Single(await student.GetAsync<List<BookingView>>("/api/bookings/me")).Status);

        // The slot opens; the student starts, answers and submits.
        var session = (await booked.StartAsync()).Session;
        Assert.Equal(5, session.Questions!.Count);
        var answers = new (string Question, object Answer)[]
        {
            ("single", new[] { 1 }), ("multi", new[] { 0, 2 }), ("tf", new[] { 1 }), ("short", " na "), ("essay", "Atoms share electrons."),
        };
        var seq = 0;
        foreach (var (question, answer) in answers)
        {
            await Expect.Status(HttpStatusCode.NoContent, await student.PutAsync($"/api/sessions/{session.Id}/answers/{question}", new { answer, seq = ++seq }));
        }

        var submitted = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{session.Id}/submit"));
        var pending = Assert.Single((await student.GetAsync<PagedResult<SubmissionView>>("/api/submissions/me")).Items);
        Assert.Equal(submitted.SubmissionId, pending.Id);
        Assert.Null(pending.Score);

        // The teacher grades the essay and publishes.
        var list = await teacher.GetAsync<PagedResult<SubmissionView>>($"/api/exams/{exam.Id}/submissions");
        var toGrade = Assert.Single(list.Items);
        Assert.Equal(SubmissionStatus.AwaitingManual, toGrade.Status);
        Assert.Equal(5m, toGrade.Score);
        await Expect.Problem(HttpStatusCode.Conflict, await teacher.PostAsync($"/api/submissions/{toGrade.Id}/publish"));
        var graded = await teacher.ReadAsync<SubmissionView>(
            await teacher.PutAsync($"/api/submissions/{toGrade.Id}/grades/essay", new { score = 3, feedback = "Mention electronegativity." }));
        Assert.Equal(8m, graded.Score);
        await Expect.Status(HttpStatusCode.OK, await teacher.PostAsync($"/api/submissions/{toGrade.Id}/publish"));

        // The student reads the published result.
        var result = await student.GetAsync<SubmissionView>($"/api/submissions/{toGrade.Id}");
        Assert.Equal(SubmissionStatus.Published, result.Status);
        Assert.Equal(8m, result.Score);
        Assert.Equal(80m, result.Percent);
        Assert.True(result.Passed);
        Assert.Equal("Mention electronegativity.", result.Results!.Single(r => r.QuestionId == "essay").Feedback);
        Assert.Equal(BookingStatus.Completed, Assert.Single(await student.GetAsync<List<BookingView>>("/api/bookings/me")).Status);
    }

    [Fact]
    public async Task ResumingReturnsTheSameSessionWith200AndTheSavedAnswers()
    {
        var running = await RunningSession.StartAsync(factory);
        var (student, session, booking) = (running.Student, running.Session, running.Booking);
        await student.PutAsync($"/api/sessions/{session.Id}/answers/short", new { answer = "Na", seq = 1 });

        await student.PostAsync($"/api/sessions/{session.Id}/events", new { type = "copy", seq = 7 });

        var resumed = await student.ReadAsync<SessionView>(await student.PostAsync($"/api/bookings/{booking.Id}/session"));

        // A reloaded page learns where its sequence numbers stand: writes must go above them.
        Assert.Equal(session.Id, resumed.Id);
        var saved = Assert.Single(resumed.Answers!);
        Assert.Equal("Na", saved.Answer.Text);
        Assert.Equal(1, saved.Sequence);
        Assert.Equal(7, resumed.EventSequence);
        var raw = await student.GetStringAsync($"/api/sessions/{session.Id}");
        Assert.Contains("\"seq\":1", raw, StringComparison.Ordinal);
        Assert.Contains("\"eventSeq\":7", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStudentCancelsBeforeTheSlotAndBooksAnother()
    {
        var admin = await factory.AdminAsync();
        var teacher = await admin.NewUserAsync(UserRole.Teacher);
        var student = await admin.NewUserAsync(UserRole.Student);
        var exam = await teacher.CreatePublishedExamAsync();
        var first = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromHours(5));
        var second = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromHours(6));
        var booking = await student.BookAsync(first.Id);
        await Expect.Problem(HttpStatusCode.Conflict, await student.PostAsync($"/api/slots/{second.Id}/bookings"));

        var cancelled = await student.ReadAsync<BookingView>(await student.DeleteAsync($"/api/bookings/{booking.Id}"));

        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        await student.BookAsync(second.Id);
        var slots = await student.GetAsync<List<Grains.Interfaces.Slots.SlotView>>($"/api/exams/{exam.Id}/slots");
        Assert.Equal([0, 1], slots.Select(s => s.Booked));
    }
}
