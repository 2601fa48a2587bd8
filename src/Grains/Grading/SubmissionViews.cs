using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Grading;

namespace ProctorWise.Grains.Grading;

/// <summary>Builds the API view of a submission and its totals.</summary>
internal static class SubmissionViews
{
    /// <summary>
    /// The view; without <paramref name="full"/> (a student before publication) scores, results and changes are null.
    /// Without <paramref name="staff"/> (the student) the changes do not say who made them.
    /// </summary>
    public static SubmissionView Build(string id, SubmissionState state, bool full, bool staff)
    {
        // An admin passes the staff check before anything else looks at the state: an unknown id is a 404 here.
        var input = state.Input ?? throw ProctorWiseException.NotFound("Submission");
        var exam = input.Exam;
        var max = exam.Questions.Sum(q => q.Points);
        var pending = state.Grades.Values.Any(g => g.Score is null);
        var score = state.Grades.Values.Sum(g => g.Score ?? 0m);
        var percent = max > 0 ? Math.Round(score / max * 100m, 2, MidpointRounding.AwayFromZero) : 0m;
        bool? passed = pending ? null : percent >= exam.PassMarkPercent;

        IReadOnlyList<QuestionResult>? results = null;
        if (full)
        {
            var answers = input.Answers.ToDictionary(a => a.QuestionId, a => a.Answer, StringComparer.Ordinal);
            results = [.. exam.Questions.Select(q =>
            {
                var grade = state.Grades.GetValueOrDefault(q.Id) ?? new GradeEntry();
                return new QuestionResult(q.Id, q.Type, q.Text, q.Points, grade.Score, grade.Correct, grade.Feedback, answers.GetValueOrDefault(q.Id), grade.GradedBy);
            })];
        }

        return new SubmissionView(
            id, input.SessionId, exam.ExamId, exam.Title, input.StudentId, input.StudentName, state.Status, input.SessionStatus,
            input.SubmittedAt, full ? score : null, max, full ? percent : null, full ? passed : null, state.PublishedAt, results,
            full ? [.. state.Changes.Select(c => staff ? c : c.ForStudent())] : null);
    }
}
