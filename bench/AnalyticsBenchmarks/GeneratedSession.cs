using ProctorWise.Grains.Interfaces.Events;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>One session's events in the order they happen, and the same facts as the original's tables hold them.</summary>
/// <param name="Events">What the grains publish (and the lake lands).</param>
/// <param name="Anomalies">The anomalies' final figures: one row each in the <c>anomalies</c> table.</param>
/// <param name="Submission">The submission's current state: one row in the <c>submissions</c> table.</param>
internal sealed record GeneratedSession(IReadOnlyList<DomainEvent> Events, IReadOnlyList<AnomalyClosed> Anomalies, SubmissionRow Submission);
