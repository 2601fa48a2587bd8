using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An anomaly began in a session (a condition held long enough, or a browser signal). Namespace <c>sessions</c>, key: AnomalyId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="AnomalyId">The anomaly.</param>
/// <param name="SessionId">The session.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="Type">What was detected.</param>
/// <param name="Severity">Its severity when it opened.</param>
/// <param name="Confidence">The detector's confidence (0–1) for camera detections; null otherwise.</param>
/// <param name="StartedAt">When the condition began.</param>
/// <param name="Reason">The plain-language reason.</param>
[GenerateSerializer, Immutable, Alias("pw.anomaly-opened")]
public sealed record class AnomalyOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string AnomalyId,
    string SessionId,
    string SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    AnomalyType Type,
    Severity Severity,
    double? Confidence,
    DateTimeOffset StartedAt,
    string Reason)
    : DomainEvent(EventId, OccurredAt);
