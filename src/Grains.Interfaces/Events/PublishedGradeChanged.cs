using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>
/// A teacher (or admin) changed a grade after the result was published: the student has to be told (issue 12).
/// Namespace <c>submissions</c>, key: SubmissionId. A <see cref="SubmissionPublished"/> with the new totals follows it.
/// </summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="SessionId">Its session.</param>
/// <param name="SlotId">The slot, when known.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student to tell.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="ChangedBy">Who changed it (the owner or an admin).</param>
/// <param name="PublishedAt">When the result was first published.</param>
/// <param name="QuestionId">The question whose grade changed.</param>
/// <param name="QuestionType">Its type.</param>
/// <param name="PreviousQuestionScore">Its score before.</param>
/// <param name="QuestionScore">Its score after.</param>
/// <param name="QuestionMaxScore">Its points.</param>
/// <param name="FeedbackChanged">Whether its feedback changed too.</param>
/// <param name="PreviousScore">The submission's score before.</param>
/// <param name="Score">The submission's score after.</param>
/// <param name="MaxScore">Points of the exam.</param>
/// <param name="PreviousPercentage">The percentage before.</param>
/// <param name="Percentage">The percentage after.</param>
/// <param name="PassMarkPercent">The exam's pass mark.</param>
/// <param name="PreviouslyPassed">The verdict before.</param>
/// <param name="Passed">The verdict after.</param>
/// <param name="Reason">The reason the teacher gave, if any.</param>
[GenerateSerializer, Immutable, Alias("pw.published-grade-changed")]
public sealed record class PublishedGradeChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SubmissionId,
    string SessionId,
    string? SlotId,
    string ExamId,
    string StudentId,
    string TeacherId,
    string ChangedBy,
    DateTimeOffset PublishedAt,
    string QuestionId,
    QuestionType QuestionType,
    decimal? PreviousQuestionScore,
    decimal QuestionScore,
    decimal QuestionMaxScore,
    bool FeedbackChanged,
    decimal PreviousScore,
    decimal Score,
    decimal MaxScore,
    decimal PreviousPercentage,
    decimal Percentage,
    decimal PassMarkPercent,
    bool PreviouslyPassed,
    bool Passed,
    string? Reason)
    : DomainEvent(EventId, OccurredAt);
