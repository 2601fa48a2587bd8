namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>One question over an exam's graded submissions.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="QuestionType">Its type (snake_case).</param>
/// <param name="Attempts">Graded submissions (an unanswered question is an incorrect attempt).</param>
/// <param name="Answered">Attempts with an answer.</param>
/// <param name="Correct">Correct attempts (full marks where a teacher graded it).</param>
/// <param name="CorrectRate">Correct attempts in percent.</param>
/// <param name="MeanScore">Mean points earned.</param>
/// <param name="MaxScore">The question's points.</param>
/// <param name="Difficulty"><c>easy</c> (≥ 80 % correct), <c>medium</c> (≥ 50 %) or <c>hard</c>, as the weekly job defines it.</param>
[GenerateSerializer, Immutable, Alias("pw.question-analytics")]
public sealed record class QuestionAnalytics(
    string QuestionId,
    string QuestionType,
    long Attempts,
    long Answered,
    long Correct,
    double CorrectRate,
    double? MeanScore,
    double? MaxScore,
    string Difficulty);
