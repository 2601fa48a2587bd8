namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>Publishes room events from inside the cluster.</summary>
[Alias("pw.test.IPublisherGrain")]
public interface IPublisherGrain : IGrainWithStringKey
{
    /// <summary>Publishes <paramref name="events"/> in order on the stream <paramref name="streamNamespace"/>/<paramref name="streamKey"/>.</summary>
    [Alias("PublishAsync")]
    Task PublishAsync(string streamNamespace, string streamKey, RoomEvent[] events);

    /// <summary>The silo the grain runs on.</summary>
    [Alias("GetSiloAsync")]
    Task<string> GetSiloAsync();
}
