namespace ProctorWise.Grains.Domain;

/// <summary>The automatic grade of one answer.</summary>
/// <param name="Score">Points awarded; null when a teacher must grade.</param>
/// <param name="Correct">Fully correct or not; null when a teacher must grade.</param>
/// <param name="Feedback">Why, in words the student understands.</param>
internal sealed record GradeOutcome(decimal? Score, bool? Correct, string? Feedback)
{
    public bool NeedsManualGrading => Score is null;
}
