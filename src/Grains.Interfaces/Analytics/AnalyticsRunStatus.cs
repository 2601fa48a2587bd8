namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>Where one run of a job for one period stands.</summary>
[GenerateSerializer, Alias("pw.analytics-run-status")]
public enum AnalyticsRunStatus
{
    /// <summary>Asked for, or waiting for its next attempt after a failure.</summary>
    Pending = 0,

    /// <summary>An attempt is running.</summary>
    Running = 1,

    /// <summary>Every dataset was written and checked.</summary>
    Succeeded = 2,

    /// <summary>Every attempt failed; <see cref="AnalyticsRunView.Error"/> says why.</summary>
    Failed = 3,
}
