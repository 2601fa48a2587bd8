using ProctorWise.Grains.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>An administrator's run request: which runs it becomes, and the field named when it is wrong.</summary>
public sealed class AnalyticsRunPlanTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AChainRunsTheDayItsWeekAndItsMonthInOrder()
    {
        var plan = AnalyticsRunPlan.From(new AnalyticsRunCommand("daily_anomaly_aggregation", "2026-11-30", Chain: true), s_now);

        Assert.Equal(
            ["daily_anomaly_aggregation/2026-11-30", "weekly_grade_analytics/2026-W49", "monthly_user_performance/2026-11"],
            plan.Select(p => AnalyticsRunView.KeyOf(p.Job.Name, p.Period.Key)));
    }

    [Fact]
    public void AChainFromALaterJobLeavesTheEarlierOut()
    {
        var plan = AnalyticsRunPlan.From(new AnalyticsRunCommand("weekly_grade_analytics", "2026-11-30", Chain: true), s_now);

        Assert.Equal(["weekly_grade_analytics", "monthly_user_performance"], plan.Select(p => p.Job.Name));
    }

    [Theory]
    [InlineData("no_such_job", "2026-12-01", false, "job")]
    [InlineData("daily_anomaly_aggregation", null, false, "period")]
    [InlineData("daily_anomaly_aggregation", "2026-12-32", false, "period")]
    [InlineData("weekly_grade_analytics", "2026-12-01", false, "period")]
    [InlineData("weekly_grade_analytics", "2026-W49", true, "period")]
    [InlineData("monthly_user_performance", "2027-01", false, "period")]
    public void AWrongRequestNamesTheField(string job, string? period, bool chain, string field)
    {
        var error = Assert.Throws<ProctorWiseException>(() => AnalyticsRunPlan.From(new AnalyticsRunCommand(job, period, chain), s_now));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal([field], error.Errors!.Keys);
    }
}
