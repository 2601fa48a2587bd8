namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>One student's figures, from published results only (what the student may see).</summary>
/// <param name="UserId">The user.</param>
/// <param name="ExamsTaken">Published results.</param>
/// <param name="MeanScore">Their mean percentage; null without one.</param>
/// <param name="ExamsPassed">Results that passed their exam's pass mark.</param>
/// <param name="PassRate">Passed results in percent; null without one.</param>
/// <param name="ScoreTrend">Results by publication time.</param>
/// <param name="AnomaliesByType">The student's anomalies by type (snake_case).</param>
/// <param name="Areas">Results by question type.</param>
/// <param name="StrongestAreas">Up to 3 question types with the highest correct rate, above 50 %.</param>
/// <param name="WeakestAreas">Up to 3 question types with the lowest correct rate, below 50 %.</param>
/// <param name="Sources">Where the figures come from.</param>
/// <param name="GeneratedAt">When they were read (UTC).</param>
/// <param name="Anomalies">Every anomaly recorded about the student, with its reason, oldest first.</param>
[GenerateSerializer, Immutable, Alias("pw.user-analytics-view")]
public sealed record class UserAnalyticsView(
    string UserId,
    long ExamsTaken,
    double? MeanScore,
    long ExamsPassed,
    double? PassRate,
    IReadOnlyList<ScorePoint> ScoreTrend,
    IReadOnlyDictionary<string, long> AnomaliesByType,
    IReadOnlyList<AreaAnalytics> Areas,
    IReadOnlyList<string> StrongestAreas,
    IReadOnlyList<string> WeakestAreas,
    IReadOnlyList<FigureSource> Sources,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<RecordedAnomaly> Anomalies);
