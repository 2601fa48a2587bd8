namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A submission was created and its automatic questions graded. Namespace <c>submissions</c>, key: SubmissionId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="SessionId">Its session.</param>
/// <param name="SlotId">The slot (null for submissions made before slots were recorded).</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="SubmittedAt">When the session ended.</param>
/// <param name="GradedAt">When it was graded.</param>
/// <param name="Score">Points of the graded questions.</param>
/// <param name="MaxScore">Points of the exam.</param>
/// <param name="Percentage">Score over max score, in percent (0 when the exam has no points).</param>
/// <param name="PendingQuestions">Questions that wait for a teacher (0 when fully graded).</param>
/// <param name="Questions">Every question's outcome so far.</param>
[GenerateSerializer, Immutable, Alias("pw.submission-auto-graded")]
public sealed record class SubmissionAutoGraded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SubmissionId,
    string SessionId,
    string? SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset GradedAt,
    decimal Score,
    decimal MaxScore,
    decimal Percentage,
    int PendingQuestions,
    IReadOnlyList<QuestionOutcome> Questions)
    : DomainEvent(EventId, OccurredAt);
