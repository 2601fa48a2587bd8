namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An exam was published: students can book its slots. Namespace <c>exams</c>, key: ExamId.</summary>
/// <param name="EventId">Unique id (version 7: ordered by time); consumers deduplicate by it.</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
/// <param name="ExamId">The exam.</param>
/// <param name="TeacherId">Its owner.</param>
/// <param name="Title">Its title.</param>
/// <param name="QuestionCount">Questions.</param>
/// <param name="MaxScore">The sum of the questions' points.</param>
/// <param name="DurationMinutes">The duration.</param>
/// <param name="PassMarkPercent">The pass mark.</param>
[GenerateSerializer, Immutable, Alias("pw.exam-published")]
public sealed record class ExamPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ExamId,
    string TeacherId,
    string Title,
    int QuestionCount,
    decimal MaxScore,
    int DurationMinutes,
    decimal PassMarkPercent)
    : DomainEvent(EventId, OccurredAt);
