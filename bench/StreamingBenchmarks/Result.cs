namespace ProctorWise.StreamingBenchmarks;

/// <summary>Outcome of one measured run.</summary>
/// <param name="Name">The path measured.</param>
/// <param name="EventsPerSecond">Events delivered per second, first publish to last delivery.</param>
/// <param name="P50">Median publish-to-delivery latency, ms.</param>
/// <param name="P99">99th percentile latency, ms.</param>
public sealed record Result(string Name, double EventsPerSecond, double P50, double P99);
