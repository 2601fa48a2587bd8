using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>The grade of one question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Type">Its type.</param>
/// <param name="Text">Its text.</param>
/// <param name="Points">Points available.</param>
/// <param name="Score">Points awarded; null while waiting for manual grading.</param>
/// <param name="Correct">Fully correct or not; null for manually graded answers without a verdict.</param>
/// <param name="Feedback">Feedback for the student.</param>
/// <param name="Answer">The student's answer, if any.</param>
/// <param name="GradedBy">"auto" or the grading teacher's id; null while pending.</param>
[GenerateSerializer, Immutable, Alias("pw.question-result")]
public sealed record class QuestionResult(
    string QuestionId,
    QuestionType Type,
    string Text,
    decimal Points,
    decimal? Score,
    bool? Correct,
    string? Feedback,
    AnswerValue? Answer,
    string? GradedBy);
