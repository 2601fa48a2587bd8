using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.Grains.Notifications;

/// <summary>The persisted state of an <see cref="AnomalyDigestGrain"/>.</summary>
[GenerateSerializer, Alias("pw.anomaly-digest-state")]
public sealed class AnomalyDigestState
{
    /// <summary>Anomalies already counted (redelivery).</summary>
    [Id(0)] public HashSet<string> Seen { get; set; } = new(StringComparer.Ordinal);

    /// <summary>End of the current window; null before the first anomaly.</summary>
    [Id(1)] public DateTimeOffset? WindowEndsAt { get; set; }

    /// <summary>Anomalies of the current window not told yet.</summary>
    [Id(2)] public int Pending { get; set; }

    /// <summary>The latest of them.</summary>
    [Id(3)] public AnomalyOpened? Latest { get; set; }

    /// <summary>Messages sent so far (part of each message's source id).</summary>
    [Id(4)] public int Sent { get; set; }
}
