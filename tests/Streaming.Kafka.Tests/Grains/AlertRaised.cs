namespace ProctorWise.Streaming.Kafka.Tests.Grains;

/// <summary>A concrete room event.</summary>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Sequence">Position of the event on its stream.</param>
/// <param name="Message">The alert text.</param>
[GenerateSerializer, Immutable, Alias("pw.test.alert-raised")]
public sealed record class AlertRaised(Guid EventId, DateTimeOffset OccurredAt, int Sequence, string Message) : RoomEvent(EventId, OccurredAt, Sequence);
