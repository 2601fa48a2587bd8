namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>Activity in one hour (<c>00</c>–<c>23</c>, UTC) or on one day (<c>2026-12-05</c>).</summary>
/// <param name="At">The hour or the day.</param>
/// <param name="Submissions">Attempts that ended then.</param>
/// <param name="Anomalies">Anomalies that started then.</param>
[GenerateSerializer, Immutable, Alias("pw.activity-point")]
public sealed record class ActivityPoint(string At, long Submissions, long Anomalies);
