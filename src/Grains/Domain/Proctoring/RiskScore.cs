using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// The session risk score, 0–100 (docs/risk-score.md):
/// <c>risk = round(100 × (1 − e^(−S / Scale)))</c>, <c>S = Σ weight(severity) × repeat × decay</c>, where
/// repeat = 1 + 0.5 × min(count − 1, 4) and decay = 1 while the anomaly continues, else
/// e^(−minutes since it ended / DecayMinutes). Bounded, monotonic in evidence, and forgiving of old events.
/// </summary>
internal static class RiskScore
{
    public const double Scale = 12;
    public const double DecayMinutes = 10;

    public static double Weight(Severity severity) => severity switch
    {
        Severity.Low => 1,
        Severity.Medium => 3,
        Severity.High => 6,
        Severity.Critical => 10,
        _ => 0,
    };

    public static int Compute(IEnumerable<AnomalyRecord> anomalies, DateTimeOffset at) =>
        FromFigures(anomalies.Select(a => (a.Severity, a.Count, a.EndedAt)), at);

    /// <summary>The same formula over the figures it reads, so <see cref="RiskHistory"/> can replay past moments.</summary>
    public static int FromFigures(IEnumerable<(Severity Severity, int Count, DateTimeOffset? EndedAt)> anomalies, DateTimeOffset at)
    {
        var sum = 0.0;
        foreach (var a in anomalies)
        {
            var repeat = 1 + (0.5 * Math.Min(a.Count - 1, 4));
            var decay = a.EndedAt is { } ended ? Math.Exp(-Math.Max(0, (at - ended).TotalMinutes) / DecayMinutes) : 1.0;
            sum += Weight(a.Severity) * repeat * decay;
        }

        return (int)Math.Round(100 * (1 - Math.Exp(-sum / Scale)), MidpointRounding.AwayFromZero);
    }
}
