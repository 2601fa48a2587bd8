using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Tests.Domain.Proctoring;

/// <summary>The documented risk formula (docs/risk-score.md).</summary>
public sealed class RiskScoreTests
{
    private static readonly DateTimeOffset s_now = RulesHarness.Start;

    private static AnomalyRecord Anomaly(Severity severity, double endedMinutesAgo = double.NaN, int count = 1) => new()
    {
        Severity = severity,
        Count = count,
        EndedAt = double.IsNaN(endedMinutesAgo) ? null : s_now.AddMinutes(-endedMinutesAgo),
    };

    [Fact]
    public void NoAnomalyIsZeroRisk() => Assert.Equal(0, RiskScore.Compute([], s_now));

    [Fact]
    public void OneOngoingCriticalAnomalyIsAboutHalf() =>
        Assert.Equal(57, RiskScore.Compute([Anomaly(Severity.Critical)], s_now)); // 100 × (1 − e^(−10/12))

    [Fact]
    public void EndedAnomaliesDecayWithATenMinuteTimeConstant()
    {
        Assert.Equal(57, RiskScore.Compute([Anomaly(Severity.Critical, endedMinutesAgo: 0)], s_now));
        Assert.Equal(26, RiskScore.Compute([Anomaly(Severity.Critical, endedMinutesAgo: 10)], s_now)); // S = 10/e
        Assert.Equal(0, RiskScore.Compute([Anomaly(Severity.Critical, endedMinutesAgo: 120)], s_now));
    }

    [Fact]
    public void SeverityAndRepeatsWeighMoreButTheScoreStaysBelow100()
    {
        var low = RiskScore.Compute([Anomaly(Severity.Low)], s_now);
        var medium = RiskScore.Compute([Anomaly(Severity.Medium)], s_now);
        var high = RiskScore.Compute([Anomaly(Severity.High)], s_now);
        var repeated = RiskScore.Compute([Anomaly(Severity.High, count: 3)], s_now);
        Assert.True(low < medium && medium < high && high < repeated, $"{low} {medium} {high} {repeated}");
        Assert.InRange(RiskScore.Compute(Enumerable.Range(0, 50).Select(_ => Anomaly(Severity.Critical, count: 9)), s_now), 99, 100);
    }
}
