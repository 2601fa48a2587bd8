namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>How many ended attempts took from <paramref name="FromSeconds"/> (inclusive) to <paramref name="ToSeconds"/> (exclusive, except in the last bin).</summary>
/// <param name="FromSeconds">The bin's start, in seconds from the attempt's start.</param>
/// <param name="ToSeconds">The bin's end; the last bin also holds attempts that ran past the exam's duration.</param>
/// <param name="Attempts">The attempts in it.</param>
[GenerateSerializer, Immutable, Alias("pw.completion-bucket")]
public sealed record class CompletionBucket(double FromSeconds, double ToSeconds, long Attempts);
