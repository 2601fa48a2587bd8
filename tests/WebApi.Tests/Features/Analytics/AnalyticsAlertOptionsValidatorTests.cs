using ProctorWise.Grains.Options;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>The platform alert thresholds are checked at start, each message naming its key.</summary>
public sealed class AnalyticsAlertOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsPass() => Assert.True(new AnalyticsAlertOptionsValidator().Validate(null, new AnalyticsAlertOptions()).Succeeded);

    [Theory]
    [InlineData(-1, 5, 10, "Analytics:Alerts:AnomalySpike is -1")]
    [InlineData(100, 5, 0, "Analytics:Alerts:RecentAnomalies is 0")]
    [InlineData(100, 5, 10_001, "Analytics:Alerts:RecentAnomalies is 10001")]
    [InlineData(100, 10, 10, "Analytics:Alerts:CriticalAnomalies is 10")]
    [InlineData(100, -1, 10, "Analytics:Alerts:CriticalAnomalies is -1")]
    public void AThresholdThatCouldNeverOrWouldAlwaysFireIsRefused(int spike, int critical, int recent, string message)
    {
        var result = new AnalyticsAlertOptionsValidator().Validate(null,
            new AnalyticsAlertOptions { AnomalySpike = spike, CriticalAnomalies = critical, RecentAnomalies = recent });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
