namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>The risk score of a session at one moment (docs/risk-score.md).</summary>
/// <param name="At">The moment (server time).</param>
/// <param name="Score">0–100.</param>
[GenerateSerializer, Immutable, Alias("pw.risk-point")]
public sealed record class RiskPoint(DateTimeOffset At, int Score);
