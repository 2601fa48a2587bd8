namespace ProctorWise.StreamingBenchmarks;

/// <summary>Implicitly subscribed to the benchmark namespace.</summary>
[Alias("pw.bench.IBenchSubscriberGrain")]
public interface IBenchSubscriberGrain : IGrainWithStringKey
{
}
