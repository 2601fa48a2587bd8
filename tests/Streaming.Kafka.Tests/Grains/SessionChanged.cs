namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>Another concrete room event.</summary>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Sequence">Position of the event on its stream.</param>
/// <param name="Status">The new session status.</param>
[GenerateSerializer, Immutable, Alias("pw.test.session-changed")]
public sealed record class SessionChanged(Guid EventId, DateTimeOffset OccurredAt, int Sequence, string Status) : RoomEvent(EventId, OccurredAt, Sequence);
