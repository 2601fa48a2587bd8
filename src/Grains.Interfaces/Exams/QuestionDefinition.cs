using System.Text.Json.Serialization;

namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>A question with its answer key (docs/API.md §3 <c>question</c>). Never sent to a student as is.</summary>
/// <param name="Id">Stable id; assigned by the server when a new question has none.</param>
/// <param name="Type">The question type.</param>
/// <param name="Text">The question text.</param>
/// <param name="Options">Choice options (single and multiple choice only).</param>
/// <param name="Correct">0-based correct option indexes (choice and true/false).</param>
/// <param name="CorrectText">The expected short answer (short answer only).</param>
/// <param name="Points">Points awarded for a fully correct answer (&gt; 0).</param>
[GenerateSerializer, Immutable, Alias("pw.question")]
public sealed record class QuestionDefinition(
    string Id,
    QuestionType Type,
    string Text,
    IReadOnlyList<string>? Options,
    IReadOnlyList<int>? Correct,
    string? CorrectText,
    decimal Points)
{
    /// <summary>The options a student chooses from: the explicit ones, or true/false.</summary>
    [JsonIgnore]
    public IReadOnlyList<string>? DisplayOptions => Type == QuestionType.TrueFalse ? TrueFalseOptions : Options;

    /// <summary>The implicit options of a true/false question.</summary>
    public static IReadOnlyList<string> TrueFalseOptions { get; } = ["true", "false"];
}
