using ProctorWise.Grains.Domain;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>Per-student question order.</summary>
public sealed class QuestionOrderTests
{
    private static readonly int[] s_questions = [.. Enumerable.Range(0, 20)];

    [Fact]
    public void WithoutShuffleTheExamOrderIsKept() =>
        Assert.Equal(s_questions, QuestionOrder.For(s_questions, "session-a", shuffle: false));

    [Fact]
    public void ShuffleIsStablePerSessionAndDiffersBetweenSessions()
    {
        var a = QuestionOrder.For(s_questions, "session-a", shuffle: true);
        Assert.Equal(a, QuestionOrder.For(s_questions, "session-a", shuffle: true));
        Assert.NotEqual(a, QuestionOrder.For(s_questions, "session-b", shuffle: true));
        Assert.Equal(s_questions, a.Order());
    }
}
