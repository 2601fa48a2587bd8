using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Api.Features.Exams;

/// <summary>An exam to create or the full replacement of one.</summary>
/// <param name="Title">1–200 characters.</param>
/// <param name="Description">Optional.</param>
/// <param name="DurationMinutes">1–600.</param>
/// <param name="PassMarkPercent">0–100, default 60.</param>
/// <param name="Questions">The questions.</param>
/// <param name="Proctoring">Rule thresholds; defaults when absent.</param>
public sealed record ExamRequest(
    string? Title,
    string? Description,
    int? DurationMinutes,
    decimal? PassMarkPercent,
    IReadOnlyList<QuestionRequest?>? Questions,
    ProctoringPolicy? Proctoring)
{
    /// <summary>The pass mark when none is given.</summary>
    public const decimal DefaultPassMark = 60m;

    /// <summary>The domain draft; the exam grain validates everything else.</summary>
    public ExamDraft ToDraft()
    {
        var questions = new List<QuestionDefinition>(Questions?.Count ?? 0);
        for (var i = 0; i < (Questions?.Count ?? 0); i++)
        {
            var q = Questions![i] ?? throw ProctorWiseException.Invalid($"questions[{i}]", "Required.");
            var type = q.Type ?? throw ProctorWiseException.Invalid($"questions[{i}].type", "Required.");
            questions.Add(new QuestionDefinition(q.Id ?? string.Empty, type, q.Text ?? string.Empty, q.Options, q.Correct, q.CorrectText, q.Points ?? 0m));
        }

        return new ExamDraft(Title ?? string.Empty, Description, DurationMinutes ?? 0, PassMarkPercent ?? DefaultPassMark, questions, Proctoring);
    }
}
