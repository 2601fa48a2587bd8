using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>How one question of a submission was graded (the facts question difficulty is computed from).</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Type">Its type.</param>
/// <param name="Score">The score, or null while it waits for a teacher.</param>
/// <param name="MaxScore">The question's points.</param>
/// <param name="Correct">Whether the answer was right (null for essays and ungraded answers).</param>
/// <param name="Answered">Whether the student answered it.</param>
/// <param name="GradedBy">Who graded it: <c>auto</c> or a teacher's id; null while it waits.</param>
[GenerateSerializer, Immutable, Alias("pw.question-outcome")]
public sealed record class QuestionOutcome(string QuestionId, QuestionType Type, decimal? Score, decimal MaxScore, bool? Correct, bool Answered, string? GradedBy);
