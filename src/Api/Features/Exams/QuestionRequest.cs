using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Api.Features.Exams;

/// <summary>A question with its key (docs/API.md §3 <c>question</c>).</summary>
/// <param name="Id">Optional stable id; assigned when absent.</param>
/// <param name="Type">single_choice, multiple_choice, true_false, short_answer or essay.</param>
/// <param name="Text">The question.</param>
/// <param name="Options">Options of choice questions.</param>
/// <param name="Correct">0-based indexes of the correct options.</param>
/// <param name="CorrectText">Expected short answer.</param>
/// <param name="Points">Points, greater than 0.</param>
public sealed record QuestionRequest(
    string? Id,
    QuestionType? Type,
    string? Text,
    IReadOnlyList<string>? Options,
    IReadOnlyList<int>? Correct,
    string? CorrectText,
    decimal? Points);
