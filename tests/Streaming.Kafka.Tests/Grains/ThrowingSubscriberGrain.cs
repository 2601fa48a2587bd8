using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <inheritdoc cref="IThrowingSubscriberGrain"/>
public sealed class ThrowingSubscriberGrain : Grain, IThrowingSubscriberGrain
{
    public async Task SubscribeAsync(string streamNamespace, string streamKey)
    {
        var stream = this.GetStreamProvider(TestStreams.Provider).GetStream<RoomEvent>(StreamId.Create(streamNamespace, streamKey));
        await stream.SubscribeAsync((_, _) =>
        {
            EventSink.Attempt(this.GetPrimaryKeyString());
            throw new InvalidOperationException("This subscriber always fails.");
        });
    }
}
