using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A teacher graded one answer of a submission. Namespace <c>submissions</c>, key: SubmissionId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="StudentId">The student.</param>
/// <param name="TeacherId">The exam's owner.</param>
/// <param name="QuestionId">The graded question.</param>
/// <param name="QuestionType">Its type.</param>
/// <param name="QuestionScore">The score given.</param>
/// <param name="QuestionMaxScore">The question's points.</param>
/// <param name="GraderId">Who graded.</param>
/// <param name="GradedAt">When.</param>
/// <param name="SubmittedAt">When the session ended.</param>
/// <param name="Score">The submission's score after this grade.</param>
/// <param name="MaxScore">Points of the exam.</param>
/// <param name="Percentage">Score over max score, in percent.</param>
/// <param name="PendingQuestions">Questions still waiting.</param>
[GenerateSerializer, Immutable, Alias("pw.submission-manually-graded")]
public sealed record class SubmissionManuallyGraded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SubmissionId,
    string ExamId,
    string StudentId,
    string TeacherId,
    string QuestionId,
    QuestionType QuestionType,
    decimal QuestionScore,
    decimal QuestionMaxScore,
    string GraderId,
    DateTimeOffset GradedAt,
    DateTimeOffset SubmittedAt,
    decimal Score,
    decimal MaxScore,
    decimal Percentage,
    int PendingQuestions)
    : DomainEvent(EventId, OccurredAt);
