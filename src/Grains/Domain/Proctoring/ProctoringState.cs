using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>The persisted proctoring part of a session's state: anomalies and counters.</summary>
[GenerateSerializer, Alias("pw.proctoring-state")]
public sealed class ProctoringState
{
    /// <summary>Every anomaly of the session, oldest first.</summary>
    [Id(0)] public List<AnomalyRecord> Anomalies { get; set; } = [];

    /// <summary>Occurrences per type.</summary>
    [Id(1)] public Dictionary<AnomalyType, int> Counters { get; set; } = [];

    /// <summary>Highest browser-signal sequence number applied.</summary>
    [Id(2)] public long LastSignalSequence { get; set; } = -1;

    /// <summary>Warnings sent by proctors.</summary>
    [Id(3)] public int Warnings { get; set; }
}
