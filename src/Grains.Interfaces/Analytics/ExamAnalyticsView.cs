namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>One exam's figures. Scores are percentages of graded submissions (nothing waiting for a teacher); null without one.</summary>
/// <param name="ExamId">The exam.</param>
/// <param name="Submissions">Graded submissions.</param>
/// <param name="MeanScore">Mean percentage.</param>
/// <param name="MedianScore">Median percentage (exact).</param>
/// <param name="MinScore">Lowest percentage.</param>
/// <param name="MaxScore">Highest percentage.</param>
/// <param name="PassMarkPercent">The exam's pass mark, which <paramref name="PassRate"/> uses.</param>
/// <param name="PassRate">Graded submissions at or above the pass mark, in percent.</param>
/// <param name="ScoreDistribution">Graded submissions by range of percentage.</param>
/// <param name="Questions">Per-question figures, by question id.</param>
/// <param name="Attempts">Ended attempts (submitted, expired or terminated), graded or not.</param>
/// <param name="MeanCompletionSeconds">Mean time from start to end of those attempts.</param>
/// <param name="AnomaliesByType">Anomalies by type (snake_case).</param>
/// <param name="Sources">Where the figures come from.</param>
/// <param name="GeneratedAt">When they were read (UTC).</param>
/// <param name="Q1Score">First quartile of the percentages (exact).</param>
/// <param name="Q3Score">Third quartile of the percentages (exact).</param>
/// <param name="CompletionTimes">Ended attempts by time taken, in ten bins of a tenth of the exam's duration.</param>
/// <param name="StudentAnomalies">Anomalies per student, most first.</param>
/// <param name="GradingTurnaround">Submission to fully graded, for the submissions a teacher graded.</param>
[GenerateSerializer, Immutable, Alias("pw.exam-analytics-view")]
public sealed record class ExamAnalyticsView(
    string ExamId,
    long Submissions,
    double? MeanScore,
    double? MedianScore,
    double? MinScore,
    double? MaxScore,
    decimal PassMarkPercent,
    double? PassRate,
    IReadOnlyList<ScoreBucket> ScoreDistribution,
    IReadOnlyList<QuestionAnalytics> Questions,
    long Attempts,
    double? MeanCompletionSeconds,
    IReadOnlyDictionary<string, long> AnomaliesByType,
    IReadOnlyList<FigureSource> Sources,
    DateTimeOffset GeneratedAt,
    double? Q1Score,
    double? Q3Score,
    IReadOnlyList<CompletionBucket> CompletionTimes,
    IReadOnlyList<StudentAnomalies> StudentAnomalies,
    GradingTurnaround GradingTurnaround);
