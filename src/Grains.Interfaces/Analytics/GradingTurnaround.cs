namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>
/// How long the exam's submissions that waited for a teacher took from submission to fully graded, in hours (automatic
/// grading is immediate and is left out). The figures are null when no submission needed a teacher.
/// </summary>
/// <param name="TeacherGraded">Fully graded submissions that a teacher finished.</param>
/// <param name="MedianHours">The median (exact).</param>
/// <param name="P90Hours">The 90th percentile (exact, linear interpolation).</param>
/// <param name="MaxHours">The longest.</param>
[GenerateSerializer, Immutable, Alias("pw.grading-turnaround")]
public sealed record class GradingTurnaround(long TeacherGraded, double? MedianHours, double? P90Hours, double? MaxHours);
