using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Domain;

/// <summary>
/// Automatic grading with the server's key (docs/grading.md):
/// single choice and true/false all-or-nothing; multiple choice right-minus-wrong partial credit;
/// short answer normalised exact match or a close match; essays wait for the teacher.
/// </summary>
internal static class Grader
{
    /// <summary>Similarity from which a short answer counts as a spelling variant of the key.</summary>
    public const double ShortAnswerSimilarity = 0.85;

    /// <summary>Keys shorter than this (after normalisation) must match exactly: "4" is not close to "5".</summary>
    public const int MinLengthForSimilarity = 5;

    public static GradeOutcome Grade(QuestionDefinition question, AnswerValue? answer) => question.Type switch
    {
        QuestionType.SingleChoice or QuestionType.TrueFalse => AllOrNothing(question, answer),
        QuestionType.MultipleChoice => PartialCredit(question, answer),
        QuestionType.ShortAnswer => ShortAnswer(question, answer),
        QuestionType.Essay => new GradeOutcome(null, null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(question), question.Type, "Unknown question type."),
    };

    private static GradeOutcome AllOrNothing(QuestionDefinition question, AnswerValue? answer)
    {
        if (answer?.Choices is not { Count: > 0 } chosen)
        {
            return Unanswered();
        }

        var correct = chosen.ToHashSet().SetEquals(question.Correct ?? []);
        return correct
            ? new GradeOutcome(question.Points, true, "Correct.")
            : new GradeOutcome(0m, false, "Incorrect.");
    }

    /// <summary>
    /// score = points × max(0, (right − wrong) / |key|), where right and wrong count the selected options
    /// inside and outside the key: guessing every option earns nothing.
    /// </summary>
    private static GradeOutcome PartialCredit(QuestionDefinition question, AnswerValue? answer)
    {
        if (answer?.Choices is not { Count: > 0 } chosen)
        {
            return Unanswered();
        }

        var key = (question.Correct ?? []).ToHashSet();
        var selected = chosen.ToHashSet();
        var right = selected.Count(key.Contains);
        var wrong = selected.Count - right;
        var fraction = Math.Max(0m, (decimal)(right - wrong) / key.Count);
        var score = Math.Round(question.Points * fraction, 2, MidpointRounding.AwayFromZero);
        var exact = selected.SetEquals(key);
        var feedback = exact ? "Correct." : $"Partially correct: {right} of {key.Count} right options, {wrong} wrong.";
        return new GradeOutcome(score, exact, feedback);
    }

    private static GradeOutcome ShortAnswer(QuestionDefinition question, AnswerValue? answer)
    {
        var given = TextSimilarity.Normalize(answer?.Text);
        if (given.Length == 0)
        {
            return Unanswered();
        }

        var expected = TextSimilarity.Normalize(question.CorrectText);
        if (given == expected)
        {
            return new GradeOutcome(question.Points, true, "Correct.");
        }

        if (expected.Length >= MinLengthForSimilarity && TextSimilarity.Similarity(given, expected) >= ShortAnswerSimilarity)
        {
            return new GradeOutcome(question.Points, true, "Accepted: close to the expected answer (spelling difference).");
        }

        return new GradeOutcome(0m, false, "Incorrect.");
    }

    private static GradeOutcome Unanswered() => new(0m, false, "Not answered.");
}
