namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>Platform figures; <paramref name="Sources"/> says which are live, from the lake, or from the last run.</summary>
/// <param name="Users">Accounts.</param>
/// <param name="Exams">Exams (every status).</param>
/// <param name="Submissions">Submissions.</param>
/// <param name="Sessions">Attempts started.</param>
/// <param name="ActiveSessions">Attempts started and not ended.</param>
/// <param name="Today">The UTC day of <paramref name="ExamsToday"/> and the other today figures.</param>
/// <param name="ExamsToday">Exams with an attempt started today.</param>
/// <param name="SessionsToday">Attempts started today.</param>
/// <param name="SubmissionsToday">Attempts ended today.</param>
/// <param name="AnomaliesToday">Anomalies started today.</param>
/// <param name="HourlyActivity">Today by UTC hour (hours with activity).</param>
/// <param name="DailyTrends">The last 30 days, today included (days with activity).</param>
/// <param name="LastRun">The last daily anomaly run's figures, or null before its first run.</param>
/// <param name="Alerts">Thresholds crossed.</param>
/// <param name="Sources">Where each figure comes from.</param>
/// <param name="GeneratedAt">When they were read (UTC).</param>
[GenerateSerializer, Immutable, Alias("pw.platform-analytics-view")]
public sealed record class PlatformAnalyticsView(
    long Users,
    long Exams,
    long Submissions,
    long Sessions,
    long ActiveSessions,
    DateOnly Today,
    long ExamsToday,
    long SessionsToday,
    long SubmissionsToday,
    long AnomaliesToday,
    IReadOnlyList<ActivityPoint> HourlyActivity,
    IReadOnlyList<ActivityPoint> DailyTrends,
    LastRunFigures? LastRun,
    IReadOnlyList<PlatformAlert> Alerts,
    IReadOnlyList<FigureSource> Sources,
    DateTimeOffset GeneratedAt);
