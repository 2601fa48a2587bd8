namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>Subscribes explicitly and fails on every event.</summary>
[Alias("pw.test.IThrowingSubscriberGrain")]
public interface IThrowingSubscriberGrain : IGrainWithStringKey
{
    /// <summary>Subscribes to <paramref name="streamNamespace"/>/<paramref name="streamKey"/>.</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(string streamNamespace, string streamKey);
}
