using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <inheritdoc cref="ISubscriberGrain"/>
[Orleans.Placement.RandomPlacement]
public sealed class SubscriberGrain : Grain, ISubscriberGrain
{
    public async Task SubscribeAsync(string streamNamespace, string streamKey)
    {
        var stream = this.GetStreamProvider(TestStreams.Provider).GetStream<RoomEvent>(StreamId.Create(streamNamespace, streamKey));
        await stream.SubscribeAsync((evt, _) =>
        {
            EventSink.Record(this.GetPrimaryKeyString(), streamKey, evt, RuntimeIdentity);
            return Task.CompletedTask;
        });
    }

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);
}
