using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>
/// A submission as one caller may see it (docs/API.md §7 <c>submission</c>). Before publication a student sees
/// the status only: scores, results and changes are null.
/// </summary>
/// <param name="Id">The submission id.</param>
/// <param name="SessionId">The session.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="ExamTitle">The exam's title.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="Status">The grading status.</param>
/// <param name="SessionStatus">How the attempt ended (submitted, expired, terminated).</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="Score">Points awarded so far.</param>
/// <param name="MaxScore">Points available.</param>
/// <param name="Percent">Score as a percentage of the maximum (2 decimals).</param>
/// <param name="Passed">Percent ≥ the pass mark; null until every answer is graded.</param>
/// <param name="PublishedAt">When the result was published.</param>
/// <param name="Results">Per-question results.</param>
/// <param name="Changes">
/// Grade changes made after publication, oldest first (the newest 50 are kept); empty when none,
/// null for a student before publication. A student's entries do not say who made them.
/// </param>
[GenerateSerializer, Immutable, Alias("pw.submission-view")]
public sealed record class SubmissionView(
    string Id,
    string SessionId,
    string ExamId,
    string ExamTitle,
    string StudentId,
    string StudentName,
    SubmissionStatus Status,
    SessionStatus SessionStatus,
    DateTimeOffset SubmittedAt,
    decimal? Score,
    decimal MaxScore,
    decimal? Percent,
    bool? Passed,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<QuestionResult>? Results,
    IReadOnlyList<GradeChange>? Changes);
