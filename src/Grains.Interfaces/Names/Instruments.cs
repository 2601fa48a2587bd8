namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>
/// Names of the project's own meters and instruments (<c>System.Diagnostics.Metrics</c>), beside the Kafka provider's
/// (<c>ProctorWise.Streaming.Kafka.KafkaStreamInstruments</c>). Every process exports the meters named
/// <c>ProctorWise.*</c>; the alert rules (deploy/prometheus/proctorwise-alerts.yml) use their Prometheus forms
/// (dots become underscores, then the unit, then <c>_total</c> for counters), and a test keeps the two in step.
/// </summary>
public static class Instruments
{
    /// <summary>Frame analysis (in the silos, where the vision model runs).</summary>
    public const string VisionMeter = "ProctorWise.Vision";

    /// <summary>Counter: frames the vision model looked at.</summary>
    public const string FramesAnalysed = "proctorwise.vision.frames.analysed";

    /// <summary>Counter: frames shed because the analysis workers were at capacity (the frame still counted as a sign of life).</summary>
    public const string FramesShed = "proctorwise.vision.frames.shed";

    /// <summary>Live proctoring (in the API processes, where the dashboards are connected).</summary>
    public const string ProctoringMeter = "ProctorWise.Proctoring";

    /// <summary>Counter: alerts pushed to a proctor's dashboards on this host.</summary>
    public const string AlertsDelivered = "proctorwise.proctoring.alerts.delivered";

    /// <summary>Histogram (seconds): from the moment the anomaly was raised to the push to a proctor's dashboards on this host.</summary>
    public const string AlertDeliveryDuration = "proctorwise.proctoring.alert.delivery.duration";

    /// <summary>Analytics runs (in the silos). Every measurement carries the tag <c>analytics.job</c> (not <c>job</c>, which Prometheus gives every target).</summary>
    public const string AnalyticsMeter = "ProctorWise.Analytics";

    /// <summary>Counter: analytics attempts that failed (a retry may follow).</summary>
    public const string AnalyticsAttemptsFailed = "proctorwise.analytics.attempts.failed";

    /// <summary>Counter: analytics runs that failed for good (every attempt used; admins are notified).</summary>
    public const string AnalyticsRunsFailed = "proctorwise.analytics.runs.failed";

    /// <summary>Counter: analytics runs that succeeded.</summary>
    public const string AnalyticsRunsSucceeded = "proctorwise.analytics.runs.succeeded";

    /// <summary>Readiness of every process (silos and API hosts).</summary>
    public const string HealthMeter = "ProctorWise.Health";

    /// <summary>Observable gauge: per readiness check (tag <c>check</c>), 1 when healthy and 0 otherwise, as of its last periodic run.</summary>
    public const string HealthStatus = "proctorwise.health.status";
}
