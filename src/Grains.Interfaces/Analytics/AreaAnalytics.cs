namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>A student's published questions of one type.</summary>
/// <param name="QuestionType">The question type (snake_case).</param>
/// <param name="Attempts">Questions of that type.</param>
/// <param name="CorrectRate">Correct ones in percent (full marks where a teacher graded).</param>
/// <param name="MeanPercent">Mean share of the points earned, in percent.</param>
[GenerateSerializer, Immutable, Alias("pw.area-analytics")]
public sealed record class AreaAnalytics(string QuestionType, long Attempts, double CorrectRate, double? MeanPercent);
