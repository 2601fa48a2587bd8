using System.Net;
using ProctorWise.Api.Features.Bookings;
using ProctorWise.Api.Features.Sessions;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// Role and ownership checks on real objects: a student and a teacher who does not own the exam call every
/// staff endpoint on a real exam, slot and submission, get the status docs/API.md gives, and the owner reads
/// everything back unchanged.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessControlTests(ApiFactory factory)
{
    /// <summary>
    /// A teacher's published exam with a slot that was taken (proctor assigned, one graded submission) and a
    /// free later slot, plus a draft exam of the same teacher.
    /// </summary>
    private sealed record Scene(
        ApiClient Teacher,
        ApiClient Student,
        ApiClient Proctor,
        ExamView Exam,
        ExamView Draft,
        SlotView TakenSlot,
        SlotView FreeSlot,
        string SubmissionId);

    private async Task<Scene> GradedExamAsync()
    {
        var proctor = await (await factory.AdminAsync()).NewUserAsync(UserRole.Proctor);
        var booked = await BookedSlot.ArrangeAsync(factory, title: "Owned exam");
        var (teacher, student, exam, taken) = (booked.Teacher, booked.Student, booked.Exam, booked.Slot);
        var draft = await teacher.ReadAsync<ExamView>(await teacher.PostAsync("/api/exams", ApiClient.ExamBody("Owned draft")), HttpStatusCode.Created);
        var free = await teacher.AddSlotAsync(exam.Id, TimeSpan.FromDays(3));
        await Expect.Status(HttpStatusCode.NoContent, await teacher.PostAsync($"/api/slots/{taken.Id}/proctors", new { proctorId = proctor.User!.Id }));

        var session = (await booked.StartAsync()).Session;
        await Expect.Status(HttpStatusCode.NoContent, await student.PutAsync($"/api/sessions/{session.Id}/answers/essay", new { answer = "Atoms share electrons.", seq = 1 }));
        var submitted = await student.ReadAsync<SubmitResponse>(await student.PostAsync($"/api/sessions/{session.Id}/submit"));

        // Graded but not published: publishing it is possible for the owner, so a refused publish is meaningful.
        var graded = await teacher.ReadAsync<SubmissionView>(await teacher.PutAsync($"/api/submissions/{submitted.SubmissionId}/grades/essay", new { score = 3, feedback = "Fair." }));
        Assert.Equal(SubmissionStatus.Graded, graded.Status);
        return new Scene(teacher, student, proctor, exam, draft, taken, free, submitted.SubmissionId);
    }

    /// <summary>Everything the owner can read about the scene, byte for byte: any write would show here.</summary>
    private static async Task<string> SnapshotAsync(Scene s)
    {
        var paths = new[]
        {
            $"/api/exams/{s.Exam.Id}",
            $"/api/exams/{s.Draft.Id}",
            $"/api/exams/{s.Exam.Id}/slots",
            $"/api/exams/{s.Draft.Id}/slots",
            $"/api/slots/{s.TakenSlot.Id}/proctors",
            $"/api/slots/{s.FreeSlot.Id}/proctors",
            $"/api/slots/{s.TakenSlot.Id}/bookings",
            $"/api/slots/{s.FreeSlot.Id}/bookings",
            $"/api/submissions/{s.SubmissionId}",
            $"/api/exams/{s.Exam.Id}/submissions",
        };
        var parts = new List<string>();
        foreach (var path in paths)
        {
            parts.Add(path + " => " + await s.Teacher.GetStringAsync(path));
        }

        return string.Join('\n', parts);
    }

    /// <summary>The owner's view after the refused calls, in readable terms (the snapshot catches the rest).</summary>
    private static async Task AssertSceneUnchangedAsync(Scene s, string before)
    {
        var exam = await s.Teacher.GetAsync<ExamView>($"/api/exams/{s.Exam.Id}");
        Assert.Equal("Owned exam", exam.Title);
        Assert.Equal(ExamStatus.Published, exam.Status);
        Assert.Equal(5, exam.QuestionCount);
        Assert.Equal(ExamStatus.Draft, (await s.Teacher.GetAsync<ExamView>($"/api/exams/{s.Draft.Id}")).Status);
        Assert.Equal([s.TakenSlot.Id, s.FreeSlot.Id], (await s.Teacher.GetAsync<List<SlotView>>($"/api/exams/{s.Exam.Id}/slots")).Select(x => x.Id));
        Assert.Empty(await s.Teacher.GetAsync<List<SlotView>>($"/api/exams/{s.Draft.Id}/slots"));
        Assert.Equal(s.Proctor.User!.Id, Assert.Single(await s.Teacher.GetAsync<List<ProctorSummary>>($"/api/slots/{s.TakenSlot.Id}/proctors")).Id);
        Assert.Empty(await s.Teacher.GetAsync<List<ProctorSummary>>($"/api/slots/{s.FreeSlot.Id}/proctors"));
        var submission = await s.Teacher.GetAsync<SubmissionView>($"/api/submissions/{s.SubmissionId}");
        Assert.Equal(SubmissionStatus.Graded, submission.Status);
        Assert.Null(submission.PublishedAt);
        var essay = submission.Results!.Single(r => r.QuestionId == "essay");
        Assert.Equal(3m, essay.Score);
        Assert.Equal("Fair.", essay.Feedback);
        Assert.Equal(before, await SnapshotAsync(s));
    }

    /// <summary>
    /// Sends the calls one by one; each must be refused with the status, as a problem. All outcomes are
    /// compared at once, so a failure lists every call that answered otherwise.
    /// </summary>
    private static async Task ExpectEachAsync(HttpStatusCode expected, IReadOnlyList<(string Call, Func<Task<HttpResponseMessage>> Send)> calls)
    {
        var wrong = new List<string>();
        foreach (var (call, send) in calls)
        {
            using var answer = await send();
            var problem = answer.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (answer.StatusCode != expected || !problem)
            {
                var body = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                wrong.Add($"{call}: expected {(int)expected} problem, got {(int)answer.StatusCode} {answer.Content.Headers.ContentType?.MediaType} {body}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static object NewSlotBody(ApiFactory factory) => new { startsAt = factory.Clock.GetUtcNow().AddDays(5), capacity = 5 };

    [Fact]
    public async Task AStudentCallingStaffEndpointsOnRealObjectsGets403AndChangesNothing()
    {
        var s = await GradedExamAsync();
        var before = await SnapshotAsync(s);

        // The student who took the exam: they own the booking and the submission, and still may not manage them.
        var student = s.Student;
        var refused = new (string Call, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("PUT exam", () => student.PutAsync($"/api/exams/{s.Exam.Id}", ApiClient.ExamBody("Hijacked"))),
            ("PUT draft", () => student.PutAsync($"/api/exams/{s.Draft.Id}", ApiClient.ExamBody("Hijacked"))),
            ("DELETE exam", () => student.DeleteAsync($"/api/exams/{s.Exam.Id}")),
            ("DELETE draft", () => student.DeleteAsync($"/api/exams/{s.Draft.Id}")),
            ("publish draft", () => student.PostAsync($"/api/exams/{s.Draft.Id}/publish")),
            ("add slot", () => student.PostAsync($"/api/exams/{s.Exam.Id}/slots", NewSlotBody(factory))),
            ("remove free slot", () => student.DeleteAsync($"/api/exams/{s.Exam.Id}/slots/{s.FreeSlot.Id}")),
            ("list submissions", () => student.GetRawAsync($"/api/exams/{s.Exam.Id}/submissions")),
            ("taken slot bookings", () => student.GetRawAsync($"/api/slots/{s.TakenSlot.Id}/bookings")),
            ("free slot bookings", () => student.GetRawAsync($"/api/slots/{s.FreeSlot.Id}/bookings")),
            ("slot proctors", () => student.GetRawAsync($"/api/slots/{s.TakenSlot.Id}/proctors")),
            ("assign proctor", () => student.PostAsync($"/api/slots/{s.FreeSlot.Id}/proctors", new { proctorId = s.Proctor.User!.Id })),
            ("unassign proctor", () => student.DeleteAsync($"/api/slots/{s.TakenSlot.Id}/proctors/{s.Proctor.User!.Id}")),
            ("grade own essay", () => student.PutAsync($"/api/submissions/{s.SubmissionId}/grades/essay", new { score = 4, feedback = "Perfect." })),
            ("publish own submission", () => student.PostAsync($"/api/submissions/{s.SubmissionId}/publish")),
        };

        await ExpectEachAsync(HttpStatusCode.Forbidden, refused);

        await AssertSceneUnchangedAsync(s, before);

        // The student still sees no score: the result was not published behind the teacher's back.
        var own = Assert.Single((await student.GetAsync<PagedResult<SubmissionView>>("/api/submissions/me")).Items);
        Assert.Equal(s.SubmissionId, own.Id);
        Assert.Null(own.Score);
    }

    [Fact]
    public async Task AnotherTeacherCannotManageSomeoneElsesExamSlotsOrSubmissions()
    {
        var s = await GradedExamAsync();
        var intruder = await (await factory.AdminAsync()).NewUserAsync(UserRole.Teacher);
        var before = await SnapshotAsync(s);

        // A published exam is visible to everyone: changing it is "forbidden" (docs/API.md §1: 403 for someone else's object).
        var forbidden = new (string Call, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("PUT exam", () => intruder.PutAsync($"/api/exams/{s.Exam.Id}", ApiClient.ExamBody("Stolen"))),
            ("publish exam", () => intruder.PostAsync($"/api/exams/{s.Exam.Id}/publish")),
            ("archive exam", () => intruder.DeleteAsync($"/api/exams/{s.Exam.Id}")),
            ("add slot", () => intruder.PostAsync($"/api/exams/{s.Exam.Id}/slots", NewSlotBody(factory))),
            ("remove free slot", () => intruder.DeleteAsync($"/api/exams/{s.Exam.Id}/slots/{s.FreeSlot.Id}")),
            ("list submissions", () => intruder.GetRawAsync($"/api/exams/{s.Exam.Id}/submissions")),
            ("taken slot bookings", () => intruder.GetRawAsync($"/api/slots/{s.TakenSlot.Id}/bookings")),
            ("assign proctor", () => intruder.PostAsync($"/api/slots/{s.FreeSlot.Id}/proctors", new { proctorId = s.Proctor.User!.Id })),
            ("unassign proctor", () => intruder.DeleteAsync($"/api/slots/{s.TakenSlot.Id}/proctors/{s.Proctor.User!.Id}")),
            ("read submission", () => intruder.GetRawAsync($"/api/submissions/{s.SubmissionId}")),
            ("grade essay", () => intruder.PutAsync($"/api/submissions/{s.SubmissionId}/grades/essay", new { score = 0, feedback = "Sabotaged." })),
            ("publish submission", () => intruder.PostAsync($"/api/submissions/{s.SubmissionId}/publish")),
        };
        await ExpectEachAsync(HttpStatusCode.Forbidden, forbidden);

        // Someone else's draft is not visible to them at all, so every call answers as for an unknown exam
        // (docs/API.md §1: 404 also for objects the caller may not know exist) and reveals nothing.
        await Expect.Problem(HttpStatusCode.NotFound, await intruder.GetRawAsync($"/api/exams/{s.Draft.Id}"));
        var hidden = new (string Call, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("PUT draft", () => intruder.PutAsync($"/api/exams/{s.Draft.Id}", ApiClient.ExamBody("Stolen"))),
            ("publish draft", () => intruder.PostAsync($"/api/exams/{s.Draft.Id}/publish")),
            ("archive draft", () => intruder.DeleteAsync($"/api/exams/{s.Draft.Id}")),
            ("add slot to draft", () => intruder.PostAsync($"/api/exams/{s.Draft.Id}/slots", NewSlotBody(factory))),
        };
        await ExpectEachAsync(HttpStatusCode.NotFound, hidden);

        await AssertSceneUnchangedAsync(s, before);
        Assert.Equal(0, (await intruder.GetAsync<PagedResult<ExamView>>("/api/exams")).Total);
    }

    [Fact]
    public async Task TheSlotsProctorReadsItsBookingsButCannotManageOrGrade()
    {
        var s = await GradedExamAsync();
        var before = await SnapshotAsync(s);
        var proctor = s.Proctor;

        // Allowed by docs/API.md §4: the proctor of the slot reads its bookings.
        var booking = Assert.Single(await proctor.GetAsync<List<SlotBookingView>>($"/api/slots/{s.TakenSlot.Id}/bookings"));
        Assert.Equal(s.Student.User!.Id, booking.StudentId);

        var refused = new (string Call, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("free slot bookings", () => proctor.GetRawAsync($"/api/slots/{s.FreeSlot.Id}/bookings")),
            ("assign self to free slot", () => proctor.PostAsync($"/api/slots/{s.FreeSlot.Id}/proctors", new { proctorId = proctor.User!.Id })),
            ("unassign self", () => proctor.DeleteAsync($"/api/slots/{s.TakenSlot.Id}/proctors/{proctor.User!.Id}")),
            ("add slot", () => proctor.PostAsync($"/api/exams/{s.Exam.Id}/slots", NewSlotBody(factory))),
            ("list submissions", () => proctor.GetRawAsync($"/api/exams/{s.Exam.Id}/submissions")),
            ("grade essay", () => proctor.PutAsync($"/api/submissions/{s.SubmissionId}/grades/essay", new { score = 4 })),
            ("publish submission", () => proctor.PostAsync($"/api/submissions/{s.SubmissionId}/publish")),
        };
        await ExpectEachAsync(HttpStatusCode.Forbidden, refused);

        await AssertSceneUnchangedAsync(s, before);
    }

    [Fact]
    public async Task AStudentCannotSuperviseTheirOwnRunningSession()
    {
        var running = await RunningSession.StartAsync(factory);
        var (student, session) = (running.Student, running.Session);

        // Supervisor endpoints: a wrong role is a 403 (docs/API.md §1), even on the caller's own session, which the
        // student knows exists (so "unknown", 404, would be the wrong answer).
        await ExpectEachAsync(HttpStatusCode.Forbidden,
        [
            ("terminate", () => student.PostAsync($"/api/sessions/{session.Id}/terminate", new { reason = "Done early." })),
            ("warn", () => student.PostAsync($"/api/sessions/{session.Id}/warnings", new { message = "Hi." })),
            ("extend", () => student.PostAsync($"/api/sessions/{session.Id}/extend", new { minutes = 60 })),
            ("anomalies", () => student.GetRawAsync($"/api/sessions/{session.Id}/anomalies")),
        ]);

        var view = await student.GetAsync<SessionView>($"/api/sessions/{session.Id}");
        Assert.Equal(SessionStatus.InProgress, view.Status);
        Assert.Equal(session.Deadline, view.Deadline);
        Assert.Null(view.SubmissionId);
        Assert.Null(view.EndReason);
    }
}
