namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>An anomaly as proctors and the exam's owner see it.</summary>
/// <param name="Id">The anomaly id.</param>
/// <param name="SessionId">The session.</param>
/// <param name="Type">What was detected.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Reason">A plain-language reason ("No face visible for 7 s").</param>
/// <param name="StartedAt">When the condition began (server time).</param>
/// <param name="EndedAt">When it ended; null while it continues.</param>
/// <param name="Count">Occurrences merged into this anomaly (tab switches in a row, …).</param>
/// <param name="HasEvidence">True when a frame snapshot is kept for it.</param>
/// <param name="ClientStartedAt">For browser signals: the browser's own clock when it happened (recorded as sent; the server's time decides).</param>
[GenerateSerializer, Immutable, Alias("pw.anomaly-view")]
public sealed record class AnomalyView(
    string Id,
    string SessionId,
    AnomalyType Type,
    Severity Severity,
    string Reason,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int Count,
    bool HasEvidence,
    DateTimeOffset? ClientStartedAt = null);
