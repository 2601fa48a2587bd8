using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// The risk score over a session, for the room report. Sessions keep no score history (the live score is
/// recomputed, never stored), so it is replayed from the anomalies' start and end times with the same formula
/// (<see cref="RiskScore"/>). What the records do not keep is approximated, and said in docs/proctoring.md:
/// a merged anomaly weighs with its final severity and occurrence count from its first start, and counts as
/// ongoing from its first start to its last end.
/// </summary>
internal static class RiskHistory
{
    /// <summary>Regular samples between the start and the end, so the decay after an anomaly shows as a slope.</summary>
    public const int GridPoints = 60;

    public static readonly TimeSpan MinStep = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The score at the start, at the end, at every anomaly's start and end within them, and on a grid of at most
    /// <see cref="GridPoints"/> steps (at least a minute apart), in time order.
    /// </summary>
    public static IReadOnlyList<RiskPoint> Derive(IReadOnlyCollection<AnomalyRecord> anomalies, DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            to = from;
        }

        var instants = new SortedSet<DateTimeOffset> { from, to };
        foreach (var a in anomalies)
        {
            AddWithin(instants, a.StartedAt, from, to);
            if (a.EndedAt is { } ended)
            {
                AddWithin(instants, ended, from, to);
            }
        }

        var step = TimeSpan.FromTicks(Math.Max(MinStep.Ticks, (to - from).Ticks / GridPoints));
        for (var t = from + step; t < to; t += step)
        {
            instants.Add(t);
        }

        return [.. instants.Select(t => new RiskPoint(t, ScoreAt(anomalies, t)))];
    }

    /// <summary>The score as it stood at <paramref name="at"/>: anomalies not begun yet are left out, those not ended yet were ongoing.</summary>
    public static int ScoreAt(IEnumerable<AnomalyRecord> anomalies, DateTimeOffset at) =>
        RiskScore.FromFigures(
            anomalies.Where(a => a.StartedAt <= at).Select(a => (a.Severity, a.Count, a.EndedAt is { } ended && ended <= at ? ended : (DateTimeOffset?)null)),
            at);

    private static void AddWithin(SortedSet<DateTimeOffset> instants, DateTimeOffset instant, DateTimeOffset from, DateTimeOffset to)
    {
        if (instant >= from && instant <= to)
        {
            instants.Add(instant);
        }
    }
}
