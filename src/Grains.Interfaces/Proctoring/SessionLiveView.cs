using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>The live state of one session in its room (hub message <c>sessionChanged</c>).</summary>
/// <param name="SessionId">The session.</param>
/// <param name="SlotId">The room.</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name.</param>
/// <param name="Status">The session status.</param>
/// <param name="Counters">Occurrences per anomaly type.</param>
/// <param name="RiskScore">0–100 (docs/risk-score.md).</param>
/// <param name="LastSeenAt">Last frame, signal or answer from the student.</param>
/// <param name="Deadline">The deadline.</param>
/// <param name="OpenAnomalies">Anomalies still going on.</param>
/// <param name="Answered">Questions with a saved answer.</param>
/// <param name="QuestionCount">Questions in the exam.</param>
/// <param name="Review">The latest "reviewed" mark with its note, if a supervisor set one.</param>
[GenerateSerializer, Immutable, Alias("pw.session-live-view")]
public sealed record class SessionLiveView(
    string SessionId,
    string SlotId,
    string StudentId,
    string StudentName,
    SessionStatus Status,
    IReadOnlyDictionary<AnomalyType, int> Counters,
    int RiskScore,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset Deadline,
    int OpenAnomalies,
    int Answered,
    int QuestionCount,
    SessionReview? Review);
