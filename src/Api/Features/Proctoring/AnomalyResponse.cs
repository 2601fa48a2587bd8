using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Features.Proctoring;

/// <summary>An anomaly with the address of its evidence frame (docs/API.md §6 <c>anomalies</c>).</summary>
/// <param name="Id">The anomaly id.</param>
/// <param name="Type">What was detected.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Reason">Why, in plain language.</param>
/// <param name="StartedAt">When it began.</param>
/// <param name="EndedAt">When it ended, or null.</param>
/// <param name="Count">Occurrences merged into it.</param>
/// <param name="EvidenceUrl">The evidence frame (authenticated), or null.</param>
/// <param name="ClientStartedAt">For browser signals: the <c>occurredAt</c> the browser sent (its clock, shown for reference only).</param>
public sealed record AnomalyResponse(string Id, AnomalyType Type, Severity Severity, string Reason, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int Count, string? EvidenceUrl, DateTimeOffset? ClientStartedAt)
{
    /// <summary>The response for a view.</summary>
    public static AnomalyResponse From(AnomalyView a) => new(
        a.Id, a.Type, a.Severity, a.Reason, a.StartedAt, a.EndedAt, a.Count,
        a.HasEvidence ? $"/api/sessions/{a.SessionId}/anomalies/{a.Id}/evidence" : null, a.ClientStartedAt);
}
