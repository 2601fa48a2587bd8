using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <inheritdoc cref="ISubscriberGrain"/>
[Orleans.Placement.RandomPlacement]
public sealed class SubscriberGrain : Grain, ISubscriberGrain
{
    public async Task SubscribeAsync(string streamNamespace, string streamKey) =>
        await Stream(streamNamespace, streamKey).SubscribeAsync((evt, token) => OnNextAsync(streamKey, evt, token));

    public async Task SubscribeFromAsync(string streamNamespace, string streamKey, StreamSequenceToken token) =>
        await Stream(streamNamespace, streamKey).SubscribeAsync((evt, delivered) => OnNextAsync(streamKey, evt, delivered), token);

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);

    private IAsyncStream<RoomEvent> Stream(string streamNamespace, string streamKey) =>
        this.GetStreamProvider(TestStreams.Provider).GetStream<RoomEvent>(StreamId.Create(streamNamespace, streamKey));

    private async Task OnNextAsync(string streamKey, RoomEvent evt, StreamSequenceToken? token)
    {
        await EventSink.WaitIfHeldAsync(this.GetPrimaryKeyString(), evt.Sequence);
        EventSink.Record(this.GetPrimaryKeyString(), streamKey, evt, RuntimeIdentity, token);
    }
}
