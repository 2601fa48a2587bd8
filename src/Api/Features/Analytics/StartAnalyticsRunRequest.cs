namespace ProctorWise.Api.Features.Analytics;

/// <summary>Body of <c>POST /api/analytics/jobs/{job}/runs</c>.</summary>
/// <param name="Period">
/// The period to run, in the job's kind (<c>2026-12-04</c>, <c>2026-W49</c>, <c>2026-11</c>); with <paramref name="Chain"/>, a day.
/// </param>
/// <param name="Chain">
/// Run the job and every job after it in the chain (anomalies → grades → users) for the day, its ISO week and its
/// month, each once the one before succeeded (the original's <c>full_analytics_pipeline</c>).
/// </param>
public sealed record StartAnalyticsRunRequest(string? Period, bool? Chain);
