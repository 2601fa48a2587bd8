namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>A submission as a row of the original's <c>submissions</c> table: its current state, not its history.</summary>
internal sealed record SubmissionRow(
    string SubmissionId,
    string SessionId,
    string ExamId,
    string StudentId,
    string TeacherId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? GradedAt,
    decimal? Score,
    decimal MaxScore,
    decimal? Percentage,
    string Status);
