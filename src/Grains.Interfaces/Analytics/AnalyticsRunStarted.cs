namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>What an administrator's run request started.</summary>
/// <param name="Run">The run started now.</param>
/// <param name="Then">
/// For a chain, the runs that follow it, in order, each started once the one before succeeded (job grain keys,
/// <c>weekly_grade_analytics/2026-W49</c>); empty otherwise.
/// </param>
[GenerateSerializer, Immutable, Alias("pw.analytics-run-started")]
public sealed record class AnalyticsRunStarted(AnalyticsRunView Run, IReadOnlyList<string> Then);
