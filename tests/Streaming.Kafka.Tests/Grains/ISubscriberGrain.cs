using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>Subscribes explicitly and records what it receives in <see cref="EventSink"/> under its own key.</summary>
[Alias("pw.test.ISubscriberGrain")]
public interface ISubscriberGrain : IGrainWithStringKey
{
    /// <summary>Subscribes to <paramref name="streamNamespace"/>/<paramref name="streamKey"/>.</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(string streamNamespace, string streamKey);

    /// <summary>Subscribes to <paramref name="streamNamespace"/>/<paramref name="streamKey"/> from <paramref name="token"/> on (a rewind).</summary>
    [Alias("SubscribeFromAsync")]
    Task SubscribeFromAsync(string streamNamespace, string streamKey, StreamSequenceToken token);

    /// <summary>The silo the grain runs on.</summary>
    [Alias("GetSiloAsync")]
    Task<string> GetSiloAsync();
}
