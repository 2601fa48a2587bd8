using Orleans.Streams;

namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>One delivery seen by a test subscriber.</summary>
/// <param name="Subscriber">Which subscriber saw it.</param>
/// <param name="StreamKey">The stream key.</param>
/// <param name="Event">The event as delivered.</param>
/// <param name="Silo">The silo the subscriber ran on.</param>
/// <param name="Token">The sequence token delivered with the event (the record's offset), when the subscriber kept it.</param>
public sealed record ReceivedEvent(string Subscriber, string StreamKey, RoomEvent Event, string Silo, StreamSequenceToken? Token = null);
