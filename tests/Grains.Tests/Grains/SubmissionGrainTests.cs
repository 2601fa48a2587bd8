using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Grains.Tests.Grains;

/// <summary>Grading with the server's key, manual grades, publication.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SubmissionGrainTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture.Grains, fixture.Clock);

    private async Task<(Caller Student, Caller Teacher, ISubmissionGrain Submission)> SubmittedAsync()
    {
        var (student, teacher, view, _) = await _given.RunningSessionAsync();
        var session = fixture.Grains.GetGrain<IExamSessionGrain>(view.Id);
        await session.SaveAnswerAsync(student, "single", AnswerValue.FromChoices(1), 1);
        await session.SaveAnswerAsync(student, "multi", AnswerValue.FromChoices(0, 1), 2);
        await session.SaveAnswerAsync(student, "tf", AnswerValue.FromChoices(1), 3);
        await session.SaveAnswerAsync(student, "short", AnswerValue.FromText("Hypotenuse"), 4);
        await session.SaveAnswerAsync(student, "essay", AnswerValue.FromText("Because of Pythagoras."), 5);
        var id = await session.SubmitAsync(student);
        return (student, teacher, fixture.Grains.GetGrain<ISubmissionGrain>(id));
    }

    [Fact]
    public async Task ObjectiveQuestionsAreGradedAtOnceAndEssaysWait()
    {
        var (_, teacher, submission) = await SubmittedAsync();
        var view = await submission.GetAsync(teacher);
        Assert.Equal(SubmissionStatus.AwaitingManual, view.Status);
        Assert.Equal(10m, view.MaxScore);
        Assert.Equal(3m, view.Score);
        Assert.Null(view.Passed);
        var results = view.Results!.ToDictionary(r => r.QuestionId);
        Assert.Equal(2m, results["single"].Score);
        Assert.Equal(0m, results["multi"].Score);
        Assert.Equal(0m, results["tf"].Score);
        Assert.Equal(1m, results["short"].Score);
        Assert.Null(results["essay"].Score);
        Assert.Equal("auto", results["single"].GradedBy);
    }

    [Fact]
    public async Task TheStudentSeesTheResultOnlyOncePublished()
    {
        var (student, teacher, submission) = await SubmittedAsync();
        var before = await submission.GetAsync(student);
        Assert.Null(before.Score);
        Assert.Null(before.Results);

        var publishTooEarly = await Assert.ThrowsAsync<ProctorWiseException>(() => submission.PublishAsync(teacher));
        Assert.Equal(ErrorKind.Conflict, publishTooEarly.Kind);

        var graded = await submission.GradeAsync(teacher, "essay", 3m, "Good reasoning.");
        Assert.Equal(SubmissionStatus.Graded, graded.Status);
        Assert.Equal(6m, graded.Score);
        Assert.Equal(60m, graded.Percent);
        Assert.True(graded.Passed);
        Assert.Null((await submission.GetAsync(student)).Score);

        await submission.PublishAsync(teacher);
        var after = await submission.GetAsync(student);
        Assert.Equal(SubmissionStatus.Published, after.Status);
        Assert.Equal(6m, after.Score);
        Assert.Equal("Good reasoning.", after.Results!.Single(r => r.QuestionId == "essay").Feedback);
    }

    [Fact]
    public async Task GradesAreBoundedAndReservedToTheOwner()
    {
        var (student, teacher, submission) = await SubmittedAsync();
        var tooHigh = await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(teacher, "essay", 5m, null));
        Assert.Contains("score", tooHigh.Errors!.Keys);
        var otherTeacher = await _given.UserAsync(UserRole.Teacher);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(otherTeacher, "essay", 1m, null))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(student, "essay", 4m, null))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(teacher, "missing", 1m, null))).Kind);
    }

    [Fact]
    public async Task SubmissionsAreIndexedByExamAndStudent()
    {
        var (student, _, submission) = await SubmittedAsync();
        var view = await submission.GetAsync(student);
        var byExam = await fixture.Grains.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForExam(view.ExamId)).ListAsync(new(1, 10));
        var byStudent = await fixture.Grains.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForStudent(student.UserId)).ListAsync(new(1, 10));
        Assert.Equal(view.Id, Assert.Single(byExam.Items));
        Assert.Equal(view.Id, Assert.Single(byStudent.Items));
    }

    private async Task<(Caller Student, Caller Teacher, ISubmissionGrain Submission)> PublishedAsync()
    {
        var (student, teacher, submission) = await SubmittedAsync();
        await submission.GradeAsync(teacher, "essay", 3m, "Good reasoning.");
        await submission.PublishAsync(teacher);
        return (student, teacher, submission);
    }

    [Fact]
    public async Task AGradeChangedAfterPublicationIsRecordedAndTheStudentSeesThatItChanged()
    {
        var (student, teacher, submission) = await PublishedAsync();
        var teacherName = (await fixture.Grains.GetGrain<Interfaces.Users.IUserGrain>(teacher.UserId).GetAsync())!.Name;
        Assert.Empty((await submission.GetAsync(student)).Changes!);
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var at = fixture.Clock.GetUtcNow();

        var changed = await submission.GradeAsync(teacher, "essay", 1m, "The argument is circular.", "  Re-read after a complaint.  ");

        Assert.Equal(SubmissionStatus.Published, changed.Status);
        Assert.Equal(4m, changed.Score);
        var record = Assert.Single(changed.Changes!);
        Assert.InRange(record.ChangedAt, at, fixture.Clock.GetUtcNow());
        Assert.Equal(new GradeChange(record.ChangedAt, teacher.UserId, teacherName, "essay", 3m, 1m, true, 6m, 4m, 60m, 40m, "Re-read after a complaint."), record);

        // The student sees when and old → new, not who; the result stays published with the new score.
        var seen = await submission.GetAsync(student);
        Assert.Equal((SubmissionStatus.Published, 4m, false), (seen.Status, seen.Score, seen.Passed));
        Assert.Equal(record with { ChangedBy = null, ChangedByName = null }, Assert.Single(seen.Changes!));

        // Saving the same grade again (a retry) records nothing more.
        await submission.GradeAsync(teacher, "essay", 1m, "The argument is circular.", "again");
        Assert.Single((await submission.GetAsync(teacher)).Changes!);
    }

    [Fact]
    public async Task AChangedPublishedGradeIsAnnouncedWithTheNewTotalsPublishedAgain()
    {
        var (student, teacher, submission) = await PublishedAsync();
        var id = submission.GetPrimaryKeyString();
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        await submission.GradeAsync(teacher, "essay", 1m, "Good reasoning.", "Marked too generously.");

        var probe = fixture.Grains.GetGrain<IEventProbeGrain>(id);
        var facts = await Eventually.UntilAsync(
            async () => (await probe.ReceivedAsync()).Select(r => r.Event).DistinctBy(e => e.EventId).ToList(),
            f => f.Count >= 6,
            $"{id}: 6 grading facts");
        Assert.Equal(
            [typeof(SubmissionAutoGraded), typeof(SubmissionManuallyGraded), typeof(SubmissionPublished), typeof(SubmissionManuallyGraded), typeof(PublishedGradeChanged), typeof(SubmissionPublished)],
            facts.Select(f => f.GetType()));
        var first = Assert.IsType<SubmissionPublished>(facts[2]);
        var change = Assert.IsType<PublishedGradeChanged>(facts[4]);
        Assert.Equal(
            (student.UserId, teacher.UserId, teacher.UserId, first.PublishedAt, "essay", QuestionType.Essay, (decimal?)3m, 1m, 4m, false),
            (change.StudentId, change.TeacherId, change.ChangedBy, change.PublishedAt, change.QuestionId, change.QuestionType, change.PreviousQuestionScore, change.QuestionScore, change.QuestionMaxScore, change.FeedbackChanged));
        Assert.Equal((6m, 4m, 10m, 60m, 40m, true, false, "Marked too generously."), (change.PreviousScore, change.Score, change.MaxScore, change.PreviousPercentage, change.Percentage, change.PreviouslyPassed, change.Passed, change.Reason));

        // The result as now published: same first publication time, later fact, new totals.
        var again = Assert.IsType<SubmissionPublished>(facts[5]);
        Assert.Equal((first.PublishedAt, 4m, false), (again.PublishedAt, again.Score, again.Passed));
        Assert.True(again.OccurredAt > first.OccurredAt);
    }

    [Fact]
    public async Task OnlyTheOwningTeacherOrAnAdminChangesAPublishedGradeAndBadReasonsAreNamed()
    {
        var (student, teacher, submission) = await PublishedAsync();
        var otherTeacher = await _given.UserAsync(UserRole.Teacher);
        var admin = await _given.UserAsync(UserRole.Admin);

        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(otherTeacher, "essay", 4m, null, null))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(student, "essay", 4m, null, null))).Kind);

        // Ownership is a right of the teacher role: the same id with another role has none of it.
        var demoted = teacher with { Role = UserRole.Student };
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(demoted, "essay", 4m, null, null))).Kind);

        var tooLong = await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(teacher, "essay", 4m, null, new string('x', GradeChange.MaxReasonLength + 1)));
        Assert.Equal(["reason"], tooLong.Errors!.Keys);
        var control = await Assert.ThrowsAsync<ProctorWiseException>(() => submission.GradeAsync(teacher, "essay", 4m, null, "bad\0reason"));
        Assert.Equal(["reason"], control.Errors!.Keys);
        Assert.Empty((await submission.GetAsync(teacher)).Changes!);

        var byAdmin = await submission.GradeAsync(admin, "essay", 4m, null, null);
        var record = Assert.Single(byAdmin.Changes!);
        Assert.Equal((admin.UserId, (string?)null, 7m), (record.ChangedBy, record.Reason, record.Score));
    }

    [Fact]
    public async Task TheChangeListKeepsTheNewestChangesOnly()
    {
        var (_, teacher, submission) = await PublishedAsync();

        for (var i = 0; i < GradeChange.MaxKept + 2; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await submission.GradeAsync(teacher, "essay", i % 2 == 0 ? 4m : 3m, null, $"change {i}");
        }

        var changes = (await submission.GetAsync(teacher)).Changes!;
        Assert.Equal(GradeChange.MaxKept, changes.Count);
        Assert.Equal(["change 2", $"change {GradeChange.MaxKept + 1}"], new[] { changes[0].Reason, changes[^1].Reason });
    }

    [Fact]
    public async Task PublishingASubmissionThatDoesNotExistIsNotFoundAndLeavesNoTrace()
    {
        var admin = await _given.UserAsync(UserRole.Admin);
        var teacher = await _given.UserAsync(UserRole.Teacher);
        var submission = fixture.Grains.GetGrain<ISubmissionGrain>(Guid.NewGuid().ToString("N"));

        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.PublishAsync(admin))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<ProctorWiseException>(() => submission.PublishAsync(teacher))).Kind);

        // Had the refused publication touched the state, the submission created later would look published.
        var exam = new ExamDefinition(Guid.NewGuid().ToString("N"), teacher.UserId, "Empty", 30, 50m, [], ProctoringPolicy.Default);
        var created = await submission.CreateAsync(new SubmissionInput("session-x", "student-x", "Student X", SessionStatus.Submitted, fixture.Clock.GetUtcNow(), exam, []));
        Assert.Null(created.PublishedAt);
        Assert.NotEqual(SubmissionStatus.Published, created.Status);
    }
}
