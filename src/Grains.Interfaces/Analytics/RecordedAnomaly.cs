namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>One anomaly recorded about a student, as the student may read it.</summary>
/// <param name="AnomalyId">The anomaly.</param>
/// <param name="ExamId">The exam it happened in.</param>
/// <param name="SessionId">The attempt.</param>
/// <param name="Type">Its type (snake_case).</param>
/// <param name="Severity">Its final severity (snake_case).</param>
/// <param name="StartedAt">When it began (UTC).</param>
/// <param name="EndedAt">When it ended, or null while its session has not ended.</param>
/// <param name="Reason">What the detector or the browser recorded, in words.</param>
/// <param name="ExamTitle">The exam's title, or null when the exam is no longer in the catalog (show the id then).</param>
[GenerateSerializer, Immutable, Alias("pw.recorded-anomaly")]
public sealed record class RecordedAnomaly(
    string AnomalyId,
    string ExamId,
    string SessionId,
    string Type,
    string Severity,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Reason,
    string? ExamTitle);
