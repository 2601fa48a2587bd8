using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Domain;

/// <summary>The shape an answer must have for its question (docs/API.md §3: indexes for choices, text otherwise).</summary>
internal static class AnswerRules
{
    public const int MaxShortAnswer = 1000;
    public const int MaxEssay = 50_000;

    /// <summary>Returns the answer in canonical form (sorted distinct indexes, text kept as typed) or throws a 400.</summary>
    public static AnswerValue Check(QuestionDefinition question, AnswerValue answer)
    {
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.TrueFalse:
                {
                    if (answer.Choices is null || answer.Text is not null)
                    {
                        throw ProctorWiseException.Invalid("answer", "An array of option indexes is expected.");
                    }

                    var optionCount = question.DisplayOptions?.Count ?? 0;
                    if (answer.Choices.Any(i => i < 0 || i >= optionCount))
                    {
                        throw ProctorWiseException.Invalid("answer", $"Option indexes are 0 to {optionCount - 1}.");
                    }

                    var distinct = answer.Choices.Distinct().Order().ToArray();
                    if (question.Type != QuestionType.MultipleChoice && distinct.Length > 1)
                    {
                        throw ProctorWiseException.Invalid("answer", "Only one option may be chosen.");
                    }

                    return new AnswerValue(distinct, null);
                }

            default:
                {
                    if (answer.Text is null || answer.Choices is not null)
                    {
                        throw ProctorWiseException.Invalid("answer", "A text answer is expected.");
                    }

                    var max = question.Type == QuestionType.Essay ? MaxEssay : MaxShortAnswer;
                    if (answer.Text.Length > max)
                    {
                        throw ProctorWiseException.Invalid("answer", $"At most {max} characters.");
                    }

                    return TextRules.IsClean(answer.Text) ? answer : throw ProctorWiseException.Invalid("answer", TextRules.ControlCharacterMessage);
                }
        }
    }
}
