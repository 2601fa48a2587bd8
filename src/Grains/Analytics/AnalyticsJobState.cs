using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <summary>One run of a job for one period.</summary>
[GenerateSerializer, Alias("pw.analytics-job-state")]
public sealed class AnalyticsJobState
{
    /// <summary>The job (empty until the period was first started).</summary>
    [Id(0)]
    public string Job { get; set; } = string.Empty;

    /// <summary>The period's key.</summary>
    [Id(1)]
    public string Period { get; set; } = string.Empty;

    /// <summary>Where the run stands.</summary>
    [Id(2)]
    public AnalyticsRunStatus Status { get; set; }

    /// <summary>What started it.</summary>
    [Id(3)]
    public AnalyticsRunTrigger Trigger { get; set; }

    /// <summary>Attempts begun.</summary>
    [Id(4)]
    public int Attempts { get; set; }

    /// <summary>When it was started.</summary>
    [Id(5)]
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>When the latest attempt began.</summary>
    [Id(6)]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it succeeded or finally failed.</summary>
    [Id(7)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Engine time of the successful attempt, or wall time of the last failed one.</summary>
    [Id(8)]
    public TimeSpan? Duration { get; set; }

    /// <summary>Raw files the pre-check found.</summary>
    [Id(9)]
    public int InputFiles { get; set; }

    /// <summary>The period had no input at all.</summary>
    [Id(10)]
    public bool NoInput { get; set; }

    /// <summary>Rows written per dataset.</summary>
    [Id(11)]
    public List<AnalyticsDatasetRows> Datasets { get; set; } = [];

    /// <summary>Why the last attempt failed.</summary>
    [Id(12)]
    public string? Error { get; set; }

    /// <summary>The chain's remaining runs (job grain keys), started in turn after this one succeeds.</summary>
    [Id(13)]
    public List<string> Then { get; set; } = [];

    /// <summary>Facts saved with the changes they record, until their stream took them (the outbox).</summary>
    [Id(14)]
    public List<PendingEvent> Outbox { get; set; } = [];

    /// <summary>When the next attempt of a pending run may begin (domain clock): the back-off survives a move to another silo.</summary>
    [Id(15)]
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The engine's error class of the last failure (e.g. Spark's <c>TABLE_OR_VIEW_NOT_FOUND</c>), or null.</summary>
    [Id(16)]
    public string? ErrorClass { get; set; }

    /// <summary>The SQLSTATE of the last failure, or null.</summary>
    [Id(17)]
    public string? SqlState { get; set; }

    /// <summary>Whether the run succeeded or finally failed (nothing under way or waiting).</summary>
    public bool IsFinished => Status is AnalyticsRunStatus.Succeeded or AnalyticsRunStatus.Failed;

    /// <summary>Whether the period was ever started.</summary>
    public bool IsStarted => Job.Length > 0;

    /// <summary>The run as the API lists it.</summary>
    public AnalyticsRunView ToView() => new(
        Job, Period, Status, Trigger, Attempts, RequestedAt, StartedAt, FinishedAt, Duration?.TotalSeconds, InputFiles, NoInput, [.. Datasets], Error, ErrorClass, SqlState);

    /// <summary>Records that an attempt begins now.</summary>
    internal void BeginAttempt(DateTimeOffset now)
    {
        (Status, StartedAt, NextAttemptAt) = (AnalyticsRunStatus.Running, now, null);
        Attempts++;
    }

    /// <summary>
    /// Records a failed attempt, then either schedules the next one after its back-off (pending, true) or, after the last
    /// attempt or a failure the engine calls permanent (running the same SQL again fails the same way), fails the run (false).
    /// </summary>
    internal bool FailAttempt(Exception error, DateTimeOffset now, AnalyticsJobsOptions options)
    {
        RecordFailure(error, now);
        if (Attempts < options.MaxAttempts && error is not AnalyticsEngineException { Permanent: true })
        {
            (Status, NextAttemptAt) = (AnalyticsRunStatus.Pending, now + AnalyticsSchedule.RetryDelayBefore(Attempts + 1, options));
            return true;
        }

        (Status, FinishedAt) = (AnalyticsRunStatus.Failed, now);
        return false;
    }

    /// <summary>Records a successful attempt.</summary>
    internal void Succeed(AnalyticsAttemptOutcome outcome, DateTimeOffset now)
    {
        (Status, Error, ErrorClass, SqlState, FinishedAt, Duration) = (AnalyticsRunStatus.Succeeded, null, null, null, now, outcome.Result.Elapsed);
        (InputFiles, NoInput) = (outcome.InputFiles, outcome.NoInput);
        Datasets = [.. outcome.Result.Datasets.Select(d => new AnalyticsDatasetRows(d.Name, d.Rows))];
    }

    /// <summary>Records why the latest attempt failed: a check's own message, or the exception's type and message.</summary>
    private void RecordFailure(Exception error, DateTimeOffset now)
    {
        Error = error is AnalyticsRunException or AnalyticsEngineException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        (ErrorClass, SqlState) = error is AnalyticsEngineException engine ? (engine.ErrorClass, engine.SqlState) : (null, null);
        Duration = StartedAt is { } started ? now - started : null;
    }
}
