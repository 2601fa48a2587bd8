using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <summary>What a successful attempt produced.</summary>
/// <param name="Result">The engine's result.</param>
/// <param name="InputFiles">Raw files the pre-check found.</param>
/// <param name="NoInput">No input at all for the period (zero rows, recorded).</param>
internal sealed record AnalyticsAttemptOutcome(AnalyticsRunResult Result, int InputFiles, bool NoInput);
