namespace ProctorWise.Grains.Options;

/// <summary>Schedule, retries and retention of the analytics jobs (configuration section <c>Analytics:Jobs</c>, all UTC).</summary>
public sealed class AnalyticsJobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analytics:Jobs";

    /// <summary>Time of day the daily job runs for the day before.</summary>
    public TimeSpan DailyAt { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Time on Monday the weekly job runs for the ISO week that just ended.</summary>
    public TimeSpan WeeklyAt { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Time on the 1st the monthly job runs for the month that just ended.</summary>
    public TimeSpan MonthlyAt { get; set; } = TimeSpan.FromHours(5);

    /// <summary>
    /// Whether the scheduler's reminder runs (<c>Analytics:Jobs:ScheduleEnabled</c>). Off, no period starts by itself
    /// and unfinished runs are not revived by a tick: manual runs through the API still work. Test hosts turn it off so
    /// a long test run never starts jobs against its throwaway lake; turning it off also removes a reminder registered before.
    /// </summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>How often the scheduler's reminder checks what is due and that unfinished runs live (at least <c>Reminders:MinimumReminderPeriod</c>).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After downtime, missed periods whose time came within this look-back are run; older ones are not.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Attempts per run before it is failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; it doubles for each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long raw events are kept (by partition day); zero (the default) keeps them for ever, because the exam, user
    /// and platform figures of the analytics API read the whole raw zone, and a re-run of an old period needs its input.
    /// </summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.Zero;

    /// <summary>How long daily anomaly reports are kept after their day (the original: 90 days); zero keeps them.</summary>
    public TimeSpan DailyOutputRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long weekly grading results are kept after their week (the original: 180 days); zero keeps them.</summary>
    public TimeSpan WeeklyOutputRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long monthly user reports are kept after their month; zero (the default, as the original) keeps them.</summary>
    public TimeSpan MonthlyOutputRetention { get; set; } = TimeSpan.Zero;
}
