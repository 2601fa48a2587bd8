using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>Automatic grading rules (docs/grading.md).</summary>
public sealed class GraderTests
{
    private static readonly QuestionDefinition s_single = new("s", QuestionType.SingleChoice, "?", ["a", "b", "c"], [1], null, 2);
    private static readonly QuestionDefinition s_multi = new("m", QuestionType.MultipleChoice, "?", ["a", "b", "c", "d"], [0, 2], null, 4);
    private static readonly QuestionDefinition s_trueFalse = new("t", QuestionType.TrueFalse, "?", null, [1], null, 1);
    private static readonly QuestionDefinition s_short = new("x", QuestionType.ShortAnswer, "?", null, null, "Photosynthesis", 3);
    private static readonly QuestionDefinition s_essay = new("e", QuestionType.Essay, "?", null, null, null, 5);

    [Fact]
    public void SingleChoiceIsAllOrNothing()
    {
        Assert.Equal(new GradeOutcome(2m, true, "Correct."), Grader.Grade(s_single, AnswerValue.FromChoices(1)));
        Assert.Equal(0m, Grader.Grade(s_single, AnswerValue.FromChoices(0)).Score);
        Assert.False(Grader.Grade(s_single, AnswerValue.FromChoices(0)).Correct);
    }

    [Fact]
    public void TrueFalseUsesTheKeyIndex()
    {
        Assert.Equal(1m, Grader.Grade(s_trueFalse, AnswerValue.FromChoices(1)).Score);
        Assert.Equal(0m, Grader.Grade(s_trueFalse, AnswerValue.FromChoices(0)).Score);
    }

    [Theory]
    [InlineData(new[] { 0, 2 }, 4.0, true)]
    [InlineData(new[] { 0 }, 2.0, false)]
    [InlineData(new[] { 0, 1 }, 0.0, false)]
    [InlineData(new[] { 0, 1, 2 }, 2.0, false)]
    [InlineData(new[] { 0, 1, 2, 3 }, 0.0, false)]
    [InlineData(new[] { 1, 3 }, 0.0, false)]
    public void MultipleChoiceGivesRightMinusWrongPartialCredit(int[] chosen, double expected, bool correct)
    {
        var outcome = Grader.Grade(s_multi, AnswerValue.FromChoices(chosen));
        Assert.Equal((decimal)expected, outcome.Score);
        Assert.Equal(correct, outcome.Correct);
    }

    [Fact]
    public void PartialCreditIsRoundedToCents()
    {
        var third = new QuestionDefinition("m3", QuestionType.MultipleChoice, "?", ["a", "b", "c", "d"], [0, 1, 2], null, 1);
        Assert.Equal(0.33m, Grader.Grade(third, AnswerValue.FromChoices(0)).Score);
    }

    [Theory]
    [InlineData("photosynthesis", 3.0, true)]
    [InlineData("  PhotoSynthesis. ", 3.0, true)]
    [InlineData("photosynthesys", 3.0, true)]
    [InlineData("fotosintesis", 0.0, false)]
    [InlineData("respiration", 0.0, false)]
    public void ShortAnswerMatchesNormalisedTextOrACloseSpelling(string answer, double expected, bool correct)
    {
        var outcome = Grader.Grade(s_short, AnswerValue.FromText(answer));
        Assert.Equal((decimal)expected, outcome.Score);
        Assert.Equal(correct, outcome.Correct);
    }

    [Fact]
    public void ShortKeysMustMatchExactly()
    {
        var number = new QuestionDefinition("n", QuestionType.ShortAnswer, "?", null, null, "1984", 1);
        Assert.Equal(0m, Grader.Grade(number, AnswerValue.FromText("1985")).Score);
        Assert.Equal(1m, Grader.Grade(number, AnswerValue.FromText(" 1984 ")).Score);
    }

    [Fact]
    public void EssaysWaitForTheTeacher()
    {
        var outcome = Grader.Grade(s_essay, AnswerValue.FromText("Because."));
        Assert.True(outcome.NeedsManualGrading);
        Assert.Null(outcome.Correct);
    }

    [Fact]
    public void UnansweredQuestionsScoreZero()
    {
        Assert.Equal(0m, Grader.Grade(s_single, null).Score);
        Assert.Equal(0m, Grader.Grade(s_multi, AnswerValue.FromChoices()).Score);
        Assert.Equal(0m, Grader.Grade(s_short, AnswerValue.FromText("   ")).Score);
        Assert.Equal("Not answered.", Grader.Grade(s_short, null).Feedback);
    }
}
