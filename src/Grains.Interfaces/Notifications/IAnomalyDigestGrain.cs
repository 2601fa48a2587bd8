using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>
/// Debounces the high-severity anomalies of one session (key: session id) for the exam's teacher: the first of a
/// window is sent at once, the others of the window are counted and sent as one message when it ends.
/// </summary>
[Alias("pw.IAnomalyDigestGrain")]
public interface IAnomalyDigestGrain : IGrainWithStringKey
{
    /// <summary>Counts an anomaly (a redelivered one is ignored).</summary>
    [Alias("Record")]
    Task RecordAsync(AnomalyOpened anomaly);
}
