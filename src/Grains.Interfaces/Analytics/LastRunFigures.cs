namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>Figures from the last daily anomaly run (<c>by_exam</c>).</summary>
/// <param name="Period">The run's day.</param>
/// <param name="Anomalies">Anomalies that day.</param>
/// <param name="CriticalAnomalies">Critical ones.</param>
/// <param name="ExamsWithAnomalies">Exams with at least one.</param>
/// <param name="MeanAnomaliesPerExam">Anomalies per such exam; null without one.</param>
[GenerateSerializer, Immutable, Alias("pw.last-run-figures")]
public sealed record class LastRunFigures(string Period, long Anomalies, long CriticalAnomalies, long ExamsWithAnomalies, double? MeanAnomaliesPerExam);
