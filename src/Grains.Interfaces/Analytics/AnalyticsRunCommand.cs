namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>An administrator's request to run a job for a period, or the whole chain.</summary>
/// <param name="Job">The job (its name in the route).</param>
/// <param name="Period">The period key of the job's kind; with <paramref name="Chain"/>, a day (<c>2026-12-04</c>).</param>
/// <param name="Chain">
/// Run the chain for that day: anomalies of the day, then grades of its ISO week, then users of its month, each after
/// the previous one succeeded.
/// </param>
[GenerateSerializer, Immutable, Alias("pw.analytics-run-command")]
public sealed record class AnalyticsRunCommand(string Job, string? Period, bool Chain);
