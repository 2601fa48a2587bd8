using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>What happened in one session, as the room report shows it (a student's row).</summary>
/// <param name="SessionId">The session.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="Status">The session status.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended; null while it runs.</param>
/// <param name="EndReason">Why a supervisor ended it, when one did.</param>
/// <param name="RiskScore">The risk score at the end (or now, while it runs).</param>
/// <param name="PeakRisk">The highest score of <paramref name="RiskOverTime"/>.</param>
/// <param name="Warnings">Warnings sent (the session's counter, which also counts warnings sent before they were logged one by one).</param>
/// <param name="Anomalies">Every anomaly with its reason, oldest first.</param>
/// <param name="RiskOverTime">The score over the session, derived from the anomalies' times with the risk formula (docs/proctoring.md).</param>
/// <param name="Actions">What supervisors did, in time order.</param>
[GenerateSerializer, Immutable, Alias("pw.session-supervision-record")]
public sealed record class SessionSupervisionRecord(
    string SessionId,
    string StudentId,
    string StudentName,
    SessionStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    int RiskScore,
    int PeakRisk,
    int Warnings,
    IReadOnlyList<AnomalyView> Anomalies,
    IReadOnlyList<RiskPoint> RiskOverTime,
    IReadOnlyList<SupervisorAction> Actions);
