namespace ProctorWise.TestSupport.Cluster;

/// <summary>What the consumer of one stream key received (key: the stream key), every delivery including repeats.</summary>
[Alias("pw.test.IEventProbeGrain")]
public interface IEventProbeGrain : IGrainWithStringKey
{
    /// <summary>The deliveries so far, in arrival order.</summary>
    [Alias("Received")]
    Task<IReadOnlyList<ReceivedEvent>> ReceivedAsync();
}
