namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>One run of a job for one period, as the jobs API lists it.</summary>
/// <param name="Job">The job.</param>
/// <param name="Period">The period's key (<c>2026-12-04</c>, <c>2026-W49</c>, <c>2026-11</c>).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Attempts">Attempts made so far (a retry after a failure is one more).</param>
/// <param name="RequestedAt">When it was started (UTC).</param>
/// <param name="StartedAt">When its latest attempt began, or null while none has.</param>
/// <param name="FinishedAt">When it succeeded or finally failed, or null.</param>
/// <param name="DurationSeconds">Run time of the successful (or last failed) attempt in seconds, or null.</param>
/// <param name="InputFiles">Raw Parquet files the pre-check found for the period.</param>
/// <param name="NoInput">The period had no input at all: it succeeded with zero rows, recorded rather than skipped.</param>
/// <param name="Datasets">Rows written per dataset (empty until it succeeded).</param>
/// <param name="Error">Why the last attempt failed, or null.</param>
/// <param name="ErrorClass">The engine's error class of the last failure (Spark's, e.g. <c>UNRESOLVED_COLUMN.WITH_SUGGESTION</c>), or null.</param>
/// <param name="SqlState">The SQLSTATE of the last failure (e.g. <c>42703</c>), or null.</param>
[GenerateSerializer, Immutable, Alias("pw.analytics-run-view")]
public sealed record class AnalyticsRunView(
    string Job,
    string Period,
    AnalyticsRunStatus Status,
    AnalyticsRunTrigger Trigger,
    int Attempts,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    int InputFiles,
    bool NoInput,
    IReadOnlyList<AnalyticsDatasetRows> Datasets,
    string? Error,
    string? ErrorClass = null,
    string? SqlState = null)
{
    /// <summary>The job grain's key for a job and period: <c>daily_anomaly_aggregation/2026-12-04</c>.</summary>
    public static string KeyOf(string job, string period) => $"{job}/{period}";

    /// <summary>Whether no attempt is under way or waiting.</summary>
    public bool IsFinished => Status is AnalyticsRunStatus.Succeeded or AnalyticsRunStatus.Failed;
}
