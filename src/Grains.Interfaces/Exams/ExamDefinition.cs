namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>
/// The server-side copy of an exam handed to a session when it starts; its keys are the only keys
/// grading uses.
/// </summary>
/// <param name="ExamId">The exam id.</param>
/// <param name="OwnerId">The owner.</param>
/// <param name="Title">The title.</param>
/// <param name="DurationMinutes">The duration.</param>
/// <param name="PassMarkPercent">The pass mark.</param>
/// <param name="Questions">The questions with keys.</param>
/// <param name="Proctoring">The proctoring policy.</param>
[GenerateSerializer, Immutable, Alias("pw.exam-definition")]
public sealed record class ExamDefinition(
    string ExamId,
    string OwnerId,
    string Title,
    int DurationMinutes,
    decimal PassMarkPercent,
    IReadOnlyList<QuestionDefinition> Questions,
    ProctoringPolicy Proctoring);
