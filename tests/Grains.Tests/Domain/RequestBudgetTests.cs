using ProctorWise.Grains.Domain;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>Request budgets: browser signals (a burst of 30, then 2 per second of server time) and answer saves.</summary>
public sealed class RequestBudgetTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ABurstOfThirtyPassesThenTheBudgetRefillsAtTwoPerSecond()
    {
        var budget = RequestBudget.ForSignals(s_start);
        Assert.Equal(30, Enumerable.Range(0, 40).Count(_ => budget.TryTake(s_start)));
        Assert.False(budget.TryTake(s_start));

        Assert.True(budget.TryTake(s_start.AddSeconds(0.5)));
        Assert.False(budget.TryTake(s_start.AddSeconds(0.5)));
        Assert.Equal(20, Enumerable.Range(0, 40).Count(_ => budget.TryTake(s_start.AddSeconds(10.5))));
    }

    [Fact]
    public void ALongPauseRefillsNoMoreThanTheBurstAndAClockGoingBackRefillsNothing()
    {
        var budget = RequestBudget.ForSignals(s_start);
        Assert.Equal(30, Enumerable.Range(0, 40).Count(_ => budget.TryTake(s_start.AddHours(1))));
        Assert.False(budget.TryTake(s_start.AddMinutes(30)));
    }

    [Fact]
    public void AnswerSavesGetABurstOfTwentyThenTwoPerSecond()
    {
        var budget = RequestBudget.ForAnswers(s_start);
        Assert.Equal(20, Enumerable.Range(0, 40).Count(_ => budget.TryTake(s_start)));
        Assert.Equal(2, Enumerable.Range(0, 10).Count(_ => budget.TryTake(s_start.AddSeconds(1))));
    }
}
