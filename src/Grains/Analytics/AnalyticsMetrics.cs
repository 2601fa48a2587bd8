using System.Diagnostics.Metrics;
using ProctorWise.Grains.Interfaces.Names;

namespace ProctorWise.Grains.Analytics;

/// <summary>
/// Counts analytics attempts and runs by outcome (tag <c>analytics.job</c>), for the alert on failed runs: the job grains
/// already notify admins, the counters let a metrics stack see the same without reading the inbox.
/// </summary>
public sealed class AnalyticsMetrics
{
    private readonly Counter<long> _attemptsFailed;
    private readonly Counter<long> _runsFailed;
    private readonly Counter<long> _runsSucceeded;

    public AnalyticsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Instruments.AnalyticsMeter);
        _attemptsFailed = meter.CreateCounter<long>(Instruments.AnalyticsAttemptsFailed, "{attempt}", "Analytics attempts that failed (a retry may follow).");
        _runsFailed = meter.CreateCounter<long>(Instruments.AnalyticsRunsFailed, "{run}", "Analytics runs that failed after their last attempt.");
        _runsSucceeded = meter.CreateCounter<long>(Instruments.AnalyticsRunsSucceeded, "{run}", "Analytics runs that succeeded.");
    }

    /// <summary>An attempt failed; <paramref name="final"/> when no retry follows (the run failed).</summary>
    public void AttemptFailed(string job, bool final)
    {
        var tag = new KeyValuePair<string, object?>("analytics.job", job);
        _attemptsFailed.Add(1, tag);
        if (final)
        {
            _runsFailed.Add(1, tag);
        }
    }

    /// <summary>A run succeeded.</summary>
    public void Succeeded(string job) => _runsSucceeded.Add(1, new KeyValuePair<string, object?>("analytics.job", job));
}
