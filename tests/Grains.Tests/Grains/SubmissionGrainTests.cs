using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Tests.Infrastructure;
using ProctorWise.TestSupport;

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
}
