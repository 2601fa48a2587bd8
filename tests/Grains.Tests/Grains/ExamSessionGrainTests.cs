using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Sessions;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Grains;

/// <summary>The attempt: window, questions without keys, autosave, deadline, submission.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamSessionGrainTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    private IExamSessionGrain Session(SessionView view) => fixture.Grains.GetGrain<IExamSessionGrain>(view.Id);

    [Fact]
    public async Task ASessionCannotStartBeforeTheSlotOpens()
    {
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var student = await _given.UserAsync(UserRole.Student);
        var (exam, _) = await _given.PublishedExamAsync(teacher);
        var slot = await _given.SlotAsync(exam, teacher, TimeSpan.FromHours(1));
        var booking = await _given.BookAsync(student, slot.Id);

        var error = await Assert.ThrowsAsync<ProctorWiseException>(() =>
            fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId).StartSessionAsync(student, booking.Id));
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task QuestionsAreDeliveredAtStartWithoutKeysAndTheDeadlineIsTheSlotEnd()
    {
        var (_, _, session, slot) = await _given.RunningSessionAsync();
        Assert.Equal(SessionStatus.InProgress, session.Status);
        Assert.Equal(slot.EndsAt, session.Deadline);
        Assert.Equal(5, session.Questions!.Count);
        Assert.Equal(["true", "false"], session.Questions.Single(q => q.Id == "tf").Options);
    }

    [Fact]
    public async Task StartingAgainResumesTheSameAttempt()
    {
        var (student, _, session, _) = await _given.RunningSessionAsync();
        var again = await fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId).StartSessionAsync(student, session.BookingId);
        Assert.False(again.Created);
        Assert.Equal(session.Id, again.Session.Id);
    }

    [Fact]
    public async Task StaleAnswerWritesAreIgnored()
    {
        var (student, _, session, _) = await _given.RunningSessionAsync();
        Assert.True(await Session(session).SaveAnswerAsync(student, "short", AnswerValue.FromText("second"), 2));
        Assert.False(await Session(session).SaveAnswerAsync(student, "short", AnswerValue.FromText("first"), 1));
        var answer = Assert.Single((await Session(session).GetAsync(student)).Answers!);
        Assert.Equal("second", answer.Answer.Text);
    }

    [Fact]
    public async Task AnAutosaveWritesTheAnswersRecordOnlyAndIsRateLimited()
    {
        var (student, _, session, _) = await _given.RunningSessionAsync();
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = Session(session).GetGrainId();
        async Task<string?> SessionETagAsync()
        {
            var stored = new GrainState<ExamSessionState>(new ExamSessionState());
            await storage.ReadStateAsync(StateNames.ExamSession, grainId, stored);
            return stored.ETag;
        }

        var before = await SessionETagAsync();
        Assert.True(await Session(session).SaveAnswerAsync(student, "short", AnswerValue.FromText("an answer"), 1));
        Assert.True(await Session(session).SaveAnswerAsync(student, "essay", AnswerValue.FromText("an essay"), 1));

        // The session record (proctoring, outbox, status) was not rewritten; the answers record holds both.
        Assert.Equal(before, await SessionETagAsync());
        var answers = new GrainState<SessionAnswersState>(new SessionAnswersState());
        await storage.ReadStateAsync(StateNames.SessionAnswers, grainId, answers);
        Assert.Equal(["essay", "short"], answers.State!.Answers.Keys.Order(StringComparer.Ordinal));

        // A scripted client saving without pause runs out of its budget (20 at once, 2 per second after).
        // The domain clock runs in real time, so the bound allows the refill while the loop ran.
        var (accepted, refused, started) = (0, 0, fixture.Clock.GetUtcNow());
        for (var seq = 2; seq < 60; seq++)
        {
            try
            {
                await Session(session).SaveAnswerAsync(student, "short", AnswerValue.FromText($"take {seq}"), seq);
                accepted++;
            }
            catch (ProctorWiseException e) when (e.Kind == ErrorKind.TooManyRequests)
            {
                refused++;
            }
        }

        var refill = (int)Math.Ceiling((fixture.Clock.GetUtcNow() - started).TotalSeconds * 2);
        Assert.True(refused > 0, "no autosave was refused");
        Assert.InRange(accepted, 18, 18 + refill + 1);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Session(session).SaveAnswerAsync(student, "short", AnswerValue.FromText("after a pause"), 100));
    }

    [Fact]
    public async Task AnswersMustFitTheirQuestion()
    {
        var (student, _, session, _) = await _given.RunningSessionAsync();
        var wrongShape = await Assert.ThrowsAsync<ProctorWiseException>(() => Session(session).SaveAnswerAsync(student, "single", AnswerValue.FromText("4"), 1));
        Assert.Equal(ErrorKind.Validation, wrongShape.Kind);
        var unknown = await Assert.ThrowsAsync<ProctorWiseException>(() => Session(session).SaveAnswerAsync(student, "nope", AnswerValue.FromText("4"), 1));
        Assert.Equal(ErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task OtherStudentsNeitherSeeNorAnswerTheSession()
    {
        var (_, teacher, session, _) = await _given.RunningSessionAsync();
        var intruder = await _given.UserAsync(UserRole.Student);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => Session(session).GetAsync(intruder))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() =>
            Session(session).SaveAnswerAsync(intruder, "short", AnswerValue.FromText("x"), 1))).Kind);
        Assert.Equal(session.Id, (await Session(session).GetAsync(teacher)).Id);
        var otherTeacher = await _given.UserAsync(UserRole.Teacher);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => Session(session).GetAsync(otherTeacher))).Kind);
    }

    [Fact]
    public async Task SubmitIsIdempotentAndNothingIsAcceptedAfterIt()
    {
        var (student, _, session, _) = await _given.RunningSessionAsync();
        await Session(session).SaveAnswerAsync(student, "single", AnswerValue.FromChoices(1), 1);
        var first = await Session(session).SubmitAsync(student);
        var second = await Session(session).SubmitAsync(student);
        Assert.Equal(first, second);

        var late = await Assert.ThrowsAsync<ProctorWiseException>(() => Session(session).SaveAnswerAsync(student, "single", AnswerValue.FromChoices(0), 2));
        Assert.Equal(ErrorKind.Conflict, late.Kind);
        var view = await Session(session).GetAsync(student);
        Assert.Equal(SessionStatus.Submitted, view.Status);
        Assert.Equal(first, view.SubmissionId);

        var retake = await Assert.ThrowsAsync<ProctorWiseException>(() =>
            fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId).StartSessionAsync(student, session.BookingId));
        Assert.Equal(ErrorKind.Conflict, retake.Kind);
        var booking = Assert.Single(await fixture.Grains.GetGrain<IStudentBookingsGrain>(student.UserId).ListAsync(student));
        Assert.Equal(BookingStatus.Completed, booking.Status);
    }

    [Fact]
    public async Task TheDeadlineSubmitsAutomaticallyWithTheSavedAnswers()
    {
        var (student, teacher, session, _) = await _given.RunningSessionAsync(durationMinutes: 1);
        await Session(session).SaveAnswerAsync(student, "single", AnswerValue.FromChoices(1), 1);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        // Watch a grain the session writes to, not the session itself: reading it would expire it lazily
        // and hide a missing timer.
        var index = fixture.Grains.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForStudent(student.UserId));
        var submitted = await Eventually.UntilAsync(() => index.ListAsync(new(1, 10)), page => page.Total > 0, "the session is submitted at its deadline");

        var submissionId = Assert.Single(submitted.Items);
        var submission = await fixture.Grains.GetGrain<ISubmissionGrain>(submissionId).GetAsync(teacher);
        Assert.Equal(SessionStatus.Expired, submission.SessionStatus);
        Assert.Equal(2m, submission.Results!.Single(r => r.QuestionId == "single").Score);

        var late = await Assert.ThrowsAsync<ProctorWiseException>(() => Session(session).SaveAnswerAsync(student, "tf", AnswerValue.FromChoices(0), 5));
        Assert.Equal("The deadline has passed.", late.Message);
        Assert.Equal(submissionId, await Session(session).SubmitAsync(student));
    }
}
