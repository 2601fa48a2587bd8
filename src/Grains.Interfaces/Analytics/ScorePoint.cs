namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>One published result in a student's score trend.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="ExamId">The exam.</param>
/// <param name="Score">The percentage.</param>
/// <param name="Passed">Whether it passed the exam's pass mark.</param>
/// <param name="PublishedAt">When it was published (UTC); the trend's order.</param>
/// <param name="ExamTitle">The exam's title, or null when the exam is no longer in the catalog (show the id then).</param>
[GenerateSerializer, Immutable, Alias("pw.score-point")]
public sealed record class ScorePoint(string SubmissionId, string ExamId, double Score, bool Passed, DateTimeOffset PublishedAt, string? ExamTitle);
