namespace ProctorWise.StreamingBenchmarks;

/// <summary>The measured event: its sequence and the <see cref="System.Diagnostics.Stopwatch"/> timestamp at publish.</summary>
/// <param name="EventId">Unique id.</param>
/// <param name="Sequence">Position on its stream.</param>
/// <param name="SentAt">Stopwatch timestamp taken just before publishing.</param>
/// <param name="Payload">Filler, so records are about the size of a real alert.</param>
[GenerateSerializer, Immutable, Alias("pw.bench.event")]
public sealed record class BenchEvent(Guid EventId, int Sequence, long SentAt, string Payload);
