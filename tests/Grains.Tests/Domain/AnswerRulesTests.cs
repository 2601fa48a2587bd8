using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>An answer must have its question's shape.</summary>
public sealed class AnswerRulesTests
{
    private static readonly QuestionDefinition s_single = new("s", QuestionType.SingleChoice, "?", ["a", "b"], [0], null, 1);
    private static readonly QuestionDefinition s_multi = new("m", QuestionType.MultipleChoice, "?", ["a", "b", "c"], [0], null, 1);
    private static readonly QuestionDefinition s_essay = new("e", QuestionType.Essay, "?", null, null, null, 1);

    [Fact]
    public void ChoicesAreSortedAndDeduplicated() =>
        Assert.Equal([0, 2], AnswerRules.Check(s_multi, AnswerValue.FromChoices(2, 0, 2)).Choices);

    [Fact]
    public void ChoicesOutOfRangeAreRefused() =>
        Assert.Equal(ErrorKind.Validation, Assert.Throws<ProctorWiseException>(() => AnswerRules.Check(s_single, AnswerValue.FromChoices(2))).Kind);

    [Fact]
    public void SingleChoiceTakesOneOption() =>
        Assert.Throws<ProctorWiseException>(() => AnswerRules.Check(s_single, AnswerValue.FromChoices(0, 1)));

    [Fact]
    public void TextAndChoicesAreNotInterchangeable()
    {
        Assert.Throws<ProctorWiseException>(() => AnswerRules.Check(s_single, AnswerValue.FromText("a")));
        Assert.Throws<ProctorWiseException>(() => AnswerRules.Check(s_essay, AnswerValue.FromChoices(0)));
    }

    [Fact]
    public void EssaysHaveALengthLimit()
    {
        Assert.NotNull(AnswerRules.Check(s_essay, AnswerValue.FromText(new string('x', AnswerRules.MaxEssay))));
        Assert.Throws<ProctorWiseException>(() => AnswerRules.Check(s_essay, AnswerValue.FromText(new string('x', AnswerRules.MaxEssay + 1))));
    }
}
