namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>The anomalies recorded about one student during an exam.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">Their name, or null when the account is unknown here.</param>
/// <param name="Total">Their anomalies.</param>
/// <param name="ByType">Their anomalies by type (snake_case).</param>
/// <param name="HighestSeverity">The highest final severity among them: <c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</param>
[GenerateSerializer, Immutable, Alias("pw.student-anomalies")]
public sealed record class StudentAnomalies(string StudentId, string? StudentName, long Total, IReadOnlyDictionary<string, long> ByType, string HighestSeverity);
