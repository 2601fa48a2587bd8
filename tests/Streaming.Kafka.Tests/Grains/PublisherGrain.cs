namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <inheritdoc cref="IPublisherGrain"/>
[Orleans.Placement.RandomPlacement]
public sealed class PublisherGrain : Grain, IPublisherGrain
{
    public async Task PublishAsync(string streamNamespace, string streamKey, RoomEvent[] events)
    {
        // Exactly how application grains publish: the stream of the abstract type, concrete events.
        var stream = this.GetStreamProvider(TestStreams.Provider).GetStream<RoomEvent>(StreamId.Create(streamNamespace, streamKey));
        foreach (var evt in events)
        {
            await stream.OnNextAsync(evt);
        }
    }

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);
}
