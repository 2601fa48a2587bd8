namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A submission's result was published to its student. Namespace <c>submissions</c>, key: SubmissionId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="SessionId">Its session.</param>
/// <param name="SlotId">The slot, when known.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="PublishedBy">Who published.</param>
/// <param name="SubmittedAt">When the session ended.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Score">The final score.</param>
/// <param name="MaxScore">Points of the exam.</param>
/// <param name="Percentage">Score over max score, in percent.</param>
/// <param name="PassMarkPercent">The exam's pass mark.</param>
/// <param name="Passed">Percentage at or above the pass mark.</param>
/// <param name="Questions">Every question's final outcome.</param>
[GenerateSerializer, Immutable, Alias("pw.submission-published")]
public sealed record class SubmissionPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SubmissionId,
    string SessionId,
    string? SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    string PublishedBy,
    DateTimeOffset SubmittedAt,
    DateTimeOffset PublishedAt,
    decimal Score,
    decimal MaxScore,
    decimal Percentage,
    decimal PassMarkPercent,
    bool Passed,
    IReadOnlyList<QuestionOutcome> Questions)
    : DomainEvent(EventId, OccurredAt);
