namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>The editable part of an exam, as created or replaced by its owner.</summary>
/// <param name="Title">1–200 characters.</param>
/// <param name="Description">Optional, up to 5000 characters.</param>
/// <param name="DurationMinutes">1–600.</param>
/// <param name="PassMarkPercent">0–100.</param>
/// <param name="Questions">The questions in delivery order.</param>
/// <param name="Proctoring">Rule thresholds; null means the defaults.</param>
[GenerateSerializer, Immutable, Alias("pw.exam-draft")]
public sealed record class ExamDraft(
    string Title,
    string? Description,
    int DurationMinutes,
    decimal PassMarkPercent,
    IReadOnlyList<QuestionDefinition> Questions,
    ProctoringPolicy? Proctoring);
