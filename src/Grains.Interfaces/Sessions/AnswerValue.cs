namespace ProctorWise.Grains.Interfaces.Sessions;

/// <summary>
/// An answer: option indexes for choice and true/false questions, text for short answer and essay.
/// Exactly one of the two is set.
/// </summary>
/// <param name="Choices">Selected 0-based option indexes.</param>
/// <param name="Text">The written answer.</param>
[GenerateSerializer, Immutable, Alias("pw.answer-value")]
public sealed record class AnswerValue(IReadOnlyList<int>? Choices, string? Text)
{
    /// <summary>An answer made of option indexes.</summary>
    public static AnswerValue FromChoices(params int[] choices) => new(choices, null);

    /// <summary>A written answer.</summary>
    public static AnswerValue FromText(string text) => new(null, text);
}
