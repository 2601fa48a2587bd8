using System.Text.RegularExpressions;
using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Domain;

/// <summary>
/// Validation and normalisation of an exam definition. Field names are the JSON paths of the API
/// request (<c>questions[2].correct</c>) so the problem details point at the field at fault.
/// </summary>
internal static partial class ExamRules
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 5000;
    public const int MaxQuestions = 200;
    public const int MaxQuestionText = 5000;
    public const int MaxOptions = 20;
    public const int MinOptions = 2;
    public const int MaxOptionText = 500;
    public const int MaxCorrectText = 500;
    public const int MaxQuestionId = 64;
    public const decimal MaxPoints = 1000m;

    public const int MinCapacity = 1;
    public const int MaxCapacity = 10_000;

    /// <summary>How far ahead a slot may start: further than any school plans, and far enough from the end of the
    /// calendar that a start plus the longest exam and every extension is always a representable date.</summary>
    public const int MaxSlotYearsAhead = 5;

    /// <summary>Checks a new slot against the clock; throws a 400 naming the fields otherwise.</summary>
    public static void CheckSlot(DateTimeOffset startsAt, int capacity, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (startsAt <= now)
        {
            errors.Add("startsAt", "Must be in the future.");
        }
        else if (startsAt > now.AddYears(MaxSlotYearsAhead))
        {
            errors.Add("startsAt", $"At most {MaxSlotYearsAhead} years ahead.");
        }

        errors.CheckRange("capacity", capacity, MinCapacity, MaxCapacity);
        errors.ThrowIfAny();
    }

    /// <summary>Validates a draft and returns it trimmed, with ids for new questions; throws a 400 otherwise.</summary>
    public static ExamDraft Normalize(ExamDraft draft, Func<string> newQuestionId)
    {
        var errors = new ValidationErrors();
        var title = errors.RequireText("title", draft.Title, MaxTitle);
        var description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        errors.CheckLength("description", description, MaxDescription);
        errors.CheckRange("durationMinutes", draft.DurationMinutes, 1, 600);
        errors.CheckRange("passMarkPercent", draft.PassMarkPercent, 0, 100);

        var questions = draft.Questions ?? [];
        if (questions.Count > MaxQuestions)
        {
            errors.Add("questions", $"At most {MaxQuestions} questions.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var normalized = new List<QuestionDefinition>(questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var path = $"questions[{i}]";
            if (q is null)
            {
                errors.Add(path, "Required.");
                continue;
            }

            var id = string.IsNullOrWhiteSpace(q.Id) ? newQuestionId() : q.Id.Trim();
            if (id.Length > MaxQuestionId || !QuestionIdPattern().IsMatch(id))
            {
                errors.Add($"{path}.id", $"Letters, digits, '-' and '_' only, at most {MaxQuestionId} characters.");
            }
            else if (!ids.Add(id))
            {
                errors.Add($"{path}.id", "Duplicate question id.");
            }

            var text = errors.RequireText($"{path}.text", q.Text, MaxQuestionText);
            if (q.Points <= 0 || q.Points > MaxPoints)
            {
                errors.Add($"{path}.points", $"Must be greater than 0 and at most {MaxPoints}.");
            }

            var (options, correct, correctText) = CheckKey(errors, path, q);
            normalized.Add(new QuestionDefinition(id, q.Type, text ?? string.Empty, options, correct, correctText, q.Points));
        }

        var policy = draft.Proctoring ?? ProctoringPolicy.Default;
        CheckPolicy(errors, policy);
        errors.ThrowIfAny();
        return new ExamDraft(title!, description, draft.DurationMinutes, draft.PassMarkPercent, normalized, policy);
    }

    private static (IReadOnlyList<string>? Options, IReadOnlyList<int>? Correct, string? CorrectText) CheckKey(
        ValidationErrors errors, string path, QuestionDefinition q)
    {
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                {
                    var options = CheckOptions(errors, path, q.Options);
                    var correct = CheckCorrect(errors, path, q.Correct, options.Count, q.Type == QuestionType.SingleChoice);
                    Forbid(errors, $"{path}.correctText", q.CorrectText is not null);
                    return (options, correct, null);
                }

            case QuestionType.TrueFalse:
                Forbid(errors, $"{path}.options", q.Options is { Count: > 0 }, "True/false questions have implicit options.");
                Forbid(errors, $"{path}.correctText", q.CorrectText is not null);
                return (null, CheckCorrect(errors, path, q.Correct, 2, single: true), null);

            case QuestionType.ShortAnswer:
                Forbid(errors, $"{path}.options", q.Options is { Count: > 0 });
                Forbid(errors, $"{path}.correct", q.Correct is { Count: > 0 });
                return (null, null, errors.RequireText($"{path}.correctText", q.CorrectText, MaxCorrectText));

            case QuestionType.Essay:
                Forbid(errors, $"{path}.options", q.Options is { Count: > 0 });
                Forbid(errors, $"{path}.correct", q.Correct is { Count: > 0 });
                Forbid(errors, $"{path}.correctText", q.CorrectText is not null, "Essays are graded by the teacher.");
                return (null, null, null);

            default:
                errors.Add($"{path}.type", "Unknown question type.");
                return (null, null, null);
        }
    }

    private static List<string> CheckOptions(ValidationErrors errors, string path, IReadOnlyList<string>? options)
    {
        if (options is null || options.Count < MinOptions || options.Count > MaxOptions)
        {
            errors.Add($"{path}.options", $"Between {MinOptions} and {MaxOptions} options.");
            return [.. options ?? []];
        }

        var result = new List<string>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            result.Add(errors.RequireText($"{path}.options[{i}]", options[i], MaxOptionText) ?? string.Empty);
        }

        return result;
    }

    private static int[] CheckCorrect(ValidationErrors errors, string path, IReadOnlyList<int>? correct, int optionCount, bool single)
    {
        var field = $"{path}.correct";
        if (correct is null || correct.Count == 0)
        {
            errors.Add(field, "Required.");
            return [];
        }

        if (single && correct.Count != 1)
        {
            errors.Add(field, "Exactly one correct option.");
        }

        if (correct.Any(i => i < 0 || i >= optionCount))
        {
            errors.Add(field, $"Option indexes are 0 to {optionCount - 1}.");
        }

        if (correct.Distinct().Count() != correct.Count)
        {
            errors.Add(field, "Duplicate option index.");
        }

        return [.. correct.Order()];
    }

    private static void Forbid(ValidationErrors errors, string field, bool present, string message = "Not allowed for this question type.")
    {
        if (present)
        {
            errors.Add(field, message);
        }
    }

    private static void CheckPolicy(ValidationErrors errors, ProctoringPolicy policy)
    {
        errors.CheckRange("proctoring.noFaceSeconds", policy.NoFaceSeconds, 1, 300);
        errors.CheckRange("proctoring.lookingAwaySeconds", policy.LookingAwaySeconds, 1, 300);
        // At least two frames: no single frame raises an anomaly.
        errors.CheckRange("proctoring.multipleFacesFrames", policy.MultipleFacesFrames, 2, 50);
        errors.CheckRange("proctoring.maxTabSwitches", policy.MaxTabSwitches, 0, 100);
        errors.CheckRange("proctoring.frameTimeoutSeconds", policy.FrameTimeoutSeconds, 5, 600);
        errors.CheckDoubleRange("proctoring.lookingAwayYaw", policy.LookingAwayYaw, 0.1, 2.0);
        errors.CheckRange("proctoring.objectFrames", policy.ObjectFrames, 2, 50);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex QuestionIdPattern();
}
