using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>A question as a student receives it: no key, ever.</summary>
/// <param name="Id">The question id.</param>
/// <param name="Type">The type.</param>
/// <param name="Text">The text.</param>
/// <param name="Options">The options to choose from (true/false included), or null for text answers.</param>
/// <param name="Points">Points available.</param>
[GenerateSerializer, Immutable, Alias("pw.student-question")]
public sealed record class StudentQuestion(string Id, QuestionType Type, string Text, IReadOnlyList<string>? Options, decimal Points)
{
    /// <summary>Strips the key from a definition.</summary>
    public static StudentQuestion From(QuestionDefinition question) =>
        new(question.Id, question.Type, question.Text, question.DisplayOptions, question.Points);
}
