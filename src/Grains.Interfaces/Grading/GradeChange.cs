namespace ProctorWise.Grains.Interfaces.Grading;

/// <summary>
/// One change of a grade after its result was published (issue 12): a published grade is not rewritten silently,
/// so the student sees that it changed and the staff see who changed it and why. The submission keeps the newest 50;
/// the full history is in the lake (<c>PublishedGradeChanged</c> events).
/// </summary>
/// <param name="ChangedAt">When (the domain clock).</param>
/// <param name="ChangedBy">The teacher's or admin's user id; null in a student's view.</param>
/// <param name="ChangedByName">Their display name at the time; null in a student's view.</param>
/// <param name="QuestionId">The question whose grade changed.</param>
/// <param name="PreviousQuestionScore">Its score before.</param>
/// <param name="QuestionScore">Its score after.</param>
/// <param name="FeedbackChanged">Whether its feedback changed too (the new text is in the results).</param>
/// <param name="PreviousScore">The submission's score before.</param>
/// <param name="Score">The submission's score after.</param>
/// <param name="PreviousPercent">The percentage before.</param>
/// <param name="Percent">The percentage after.</param>
/// <param name="Reason">Why, in the teacher's words (shown to the student); null when none was given.</param>
[GenerateSerializer, Immutable, Alias("pw.grade-change")]
public sealed record class GradeChange(
    DateTimeOffset ChangedAt,
    string? ChangedBy,
    string? ChangedByName,
    string QuestionId,
    decimal? PreviousQuestionScore,
    decimal QuestionScore,
    bool FeedbackChanged,
    decimal PreviousScore,
    decimal Score,
    decimal PreviousPercent,
    decimal Percent,
    string? Reason)
{
    /// <summary>How many changes a submission keeps (the oldest go first); enough for any real regrading.</summary>
    public const int MaxKept = 50;

    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The change as its student sees it: when, what, old → new and why, without who.</summary>
    public GradeChange ForStudent() => this with { ChangedBy = null, ChangedByName = null };
}
