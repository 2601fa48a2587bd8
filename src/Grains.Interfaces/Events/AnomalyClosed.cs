using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An anomaly ended (the condition stopped, or its session ended). Namespace <c>sessions</c>, key: AnomalyId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="AnomalyId">The anomaly.</param>
/// <param name="SessionId">The session.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="Type">What was detected.</param>
/// <param name="Severity">Its highest severity.</param>
/// <param name="Confidence">The detector's highest confidence (0–1) for camera detections; null otherwise.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="DurationSeconds">How long the condition lasted over its occurrences, in seconds.</param>
/// <param name="Occurrences">Occurrences merged into it.</param>
/// <param name="Reason">The final reason.</param>
[GenerateSerializer, Immutable, Alias("pw.anomaly-closed")]
public sealed record class AnomalyClosed(
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
    DateTimeOffset EndedAt,
    double DurationSeconds,
    int Occurrences,
    string Reason)
    : DomainEvent(EventId, OccurredAt);
