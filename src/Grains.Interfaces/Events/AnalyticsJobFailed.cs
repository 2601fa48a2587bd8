using ProctorWise.Grains.Interfaces.Analytics;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>
/// An analytics run failed every attempt: its period has no new output (the previous one, if any, stays).
/// Namespace <c>analytics</c>, key: job/period. The notifications feature tells administrators.
/// </summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When the last attempt failed (UTC, the server's clock).</param>
/// <param name="Job">The job.</param>
/// <param name="Period">The period's key.</param>
/// <param name="Trigger">What started the run.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Error">Why the last attempt failed.</param>
[GenerateSerializer, Immutable, Alias("pw.analytics-job-failed")]
public sealed record class AnalyticsJobFailed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Job,
    string Period,
    AnalyticsRunTrigger Trigger,
    int Attempts,
    string Error)
    : DomainEvent(EventId, OccurredAt);
