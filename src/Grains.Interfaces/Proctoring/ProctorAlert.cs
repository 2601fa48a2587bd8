namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>An alert in a proctor's inbox (hub message <c>alert</c>).</summary>
/// <param name="AlertId">The alert id (the anomaly id plus its severity step, stable across redelivery).</param>
/// <param name="SessionId">The session.</param>
/// <param name="SlotId">The room.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="AnomalyId">The anomaly that raised it.</param>
/// <param name="Type">What was detected.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Reason">Why, in plain language.</param>
/// <param name="OccurredAt">When (server time).</param>
/// <param name="RiskScore">The session's risk score at that moment.</param>
/// <param name="Acknowledged">True once the proctor acknowledged it.</param>
/// <param name="AcknowledgedAt">When the proctor acknowledged it (server time); null before that, and for acknowledgements made before the time was kept.</param>
[GenerateSerializer, Immutable, Alias("pw.proctor-alert")]
public sealed record class ProctorAlert(
    string AlertId,
    string SessionId,
    string SlotId,
    string StudentId,
    string StudentName,
    string AnomalyId,
    AnomalyType Type,
    Severity Severity,
    string Reason,
    DateTimeOffset OccurredAt,
    int RiskScore,
    bool Acknowledged,
    DateTimeOffset? AcknowledgedAt = null);
