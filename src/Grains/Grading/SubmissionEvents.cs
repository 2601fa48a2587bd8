using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Grains.Grading;

/// <summary>The facts a submission records (namespace <c>submissions</c>, key = submission id), with the totals analytics aggregate.</summary>
internal static class SubmissionEvents
{
    public const string Namespace = StreamNamespaces.Submissions;

    public static SubmissionAutoGraded AutoGraded(string id, SubmissionState state, DateTimeOffset at)
    {
        var (input, score, max, percent, pending) = Totals(state);
        return new SubmissionAutoGraded(
            Guid.CreateVersion7(), at, id, input.SessionId, input.SlotId, input.Exam.ExamId, input.StudentId, input.Exam.OwnerId,
            input.SubmittedAt, at, score, max, percent, pending, Outcomes(state));
    }

    public static SubmissionManuallyGraded ManuallyGraded(string id, SubmissionState state, string questionId, GradeEntry grade)
    {
        var (input, score, max, percent, pending) = Totals(state);
        var question = input.Exam.Questions.First(q => q.Id == questionId);
        return new SubmissionManuallyGraded(
            Guid.CreateVersion7(), grade.GradedAt!.Value, id, input.Exam.ExamId, input.StudentId, input.Exam.OwnerId, questionId, question.Type,
            grade.Score!.Value, question.Points, grade.GradedBy!, grade.GradedAt.Value, input.SubmittedAt, score, max, percent, pending);
    }

    public static SubmissionPublished Published(string id, SubmissionState state, string publishedBy)
    {
        var (input, score, max, percent, _) = Totals(state);
        var at = state.PublishedAt!.Value;
        return new SubmissionPublished(
            Guid.CreateVersion7(), at, id, input.SessionId, input.SlotId, input.Exam.ExamId, input.StudentId, input.Exam.OwnerId, publishedBy,
            input.SubmittedAt, at, score, max, percent, input.Exam.PassMarkPercent, percent >= input.Exam.PassMarkPercent, Outcomes(state));
    }

    /// <summary>A published grade changed: <paramref name="change"/> holds before and after, <paramref name="before"/> the old verdict.</summary>
    public static PublishedGradeChanged GradeChanged(string id, SubmissionState state, GradeChange change, string changedBy, bool before)
    {
        var (input, _, max, _, _) = Totals(state);
        var question = input.Exam.Questions.First(q => q.Id == change.QuestionId);
        return new PublishedGradeChanged(
            Guid.CreateVersion7(), change.ChangedAt, id, input.SessionId, input.SlotId, input.Exam.ExamId, input.StudentId, input.Exam.OwnerId,
            changedBy, state.PublishedAt!.Value, question.Id, question.Type, change.PreviousQuestionScore, change.QuestionScore, question.Points,
            change.FeedbackChanged, change.PreviousScore, change.Score, max, change.PreviousPercent, change.Percent, input.Exam.PassMarkPercent,
            before, change.Percent >= input.Exam.PassMarkPercent, change.Reason);
    }

    /// <summary>
    /// The result as published again after a change, so readers that take the newest publication of a submission (the
    /// lake's reports) see the new totals. <c>PublishedAt</c> stays the first publication's; <c>OccurredAt</c> is now.
    /// </summary>
    public static SubmissionPublished Republished(string id, SubmissionState state, string publishedBy, DateTimeOffset at) =>
        Published(id, state, publishedBy) with { OccurredAt = at };

    /// <summary>The submission's totals: points awarded, points available, percentage, questions still waiting.</summary>
    public static (SubmissionInput Input, decimal Score, decimal Max, decimal Percent, int Pending) Totals(SubmissionState state)
    {
        // Publishing an unknown id as an admin gets here (the staff check passes admins first): a 404, not a crash.
        var input = state.Input ?? throw ProctorWiseException.NotFound("Submission");
        var max = input.Exam.Questions.Sum(q => q.Points);
        var score = state.Grades.Values.Sum(g => g.Score ?? 0m);
        var percent = max > 0 ? Math.Round(score / max * 100m, 2, MidpointRounding.AwayFromZero) : 0m;
        return (input, score, max, percent, state.Grades.Values.Count(g => g.Score is null));
    }

    private static List<QuestionOutcome> Outcomes(SubmissionState state)
    {
        var answered = state.Input!.Answers.Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        return [.. state.Input.Exam.Questions.Select(q =>
        {
            var grade = state.Grades.GetValueOrDefault(q.Id) ?? new GradeEntry();
            return new QuestionOutcome(q.Id, q.Type, grade.Score, q.Points, grade.Correct, answered.Contains(q.Id), grade.GradedBy);
        })];
    }
}
