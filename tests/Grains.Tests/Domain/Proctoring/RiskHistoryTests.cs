using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Tests.Domain.Proctoring;

/// <summary>The risk over a session replayed from its anomalies' times (docs/proctoring.md, room report).</summary>
public sealed class RiskHistoryTests
{
    private static readonly DateTimeOffset s_start = RulesHarness.Start;

    private static AnomalyRecord Anomaly(Severity severity, double startMinute, double? endMinute) => new()
    {
        Severity = severity,
        StartedAt = s_start.AddMinutes(startMinute),
        EndedAt = endMinute is { } end ? s_start.AddMinutes(end) : null,
    };

    [Fact]
    public void AnAnomalyCountsFromItsStartAsOngoingUntilItsEndThenFades()
    {
        var critical = Anomaly(Severity.Critical, startMinute: 5, endMinute: 8);
        var points = RiskHistory.Derive([critical], s_start, s_start.AddMinutes(18));

        Assert.Equal(0, points.Single(p => p.At == s_start).Score);
        Assert.Equal(0, points.Single(p => p.At == s_start.AddMinutes(4)).Score);
        Assert.Equal(57, points.Single(p => p.At == s_start.AddMinutes(5)).Score); // ongoing critical
        Assert.Equal(57, points.Single(p => p.At == s_start.AddMinutes(8)).Score); // just ended
        Assert.Equal(26, points.Single(p => p.At == s_start.AddMinutes(18)).Score); // ten minutes after its end
        Assert.Equal(points.OrderBy(p => p.At), points);
    }

    [Fact]
    public void ThePointsAreTheEndsTheAnomalyTimesAndABoundedGrid()
    {
        var end = s_start.AddHours(2);
        var anomalies = new[] { Anomaly(Severity.Low, 0.5, 1.25), Anomaly(Severity.High, 200, null) };
        var points = RiskHistory.Derive(anomalies, s_start, end);

        Assert.Contains(points, p => p.At == s_start.AddMinutes(0.5));
        Assert.Contains(points, p => p.At == s_start.AddMinutes(1.25));
        Assert.DoesNotContain(points, p => p.At > end); // an anomaly after the end is not sampled
        Assert.Equal(end, points[^1].At);
        Assert.InRange(points.Count, RiskHistory.GridPoints, RiskHistory.GridPoints + 3);

        // A short session samples at most once a minute between its events.
        Assert.Equal(4, RiskHistory.Derive([], s_start, s_start.AddMinutes(3)).Count);
    }

    [Fact]
    public void AnEndBeforeTheStartGivesOnePoint() =>
        Assert.Equal(new RiskPoint(s_start, 0), Assert.Single(RiskHistory.Derive([], s_start, s_start.AddMinutes(-1))));
}
