namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>An abstract base published on room streams, like the application's own <c>RoomEvent</c>.</summary>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Sequence">Position of the event on its stream, to check ordering.</param>
[GenerateSerializer, Immutable, Alias("pw.test.room-event")]
public abstract record class RoomEvent(Guid EventId, DateTimeOffset OccurredAt, int Sequence);
