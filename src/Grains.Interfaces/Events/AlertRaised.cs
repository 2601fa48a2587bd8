using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>An anomaly began or got worse in a session of the room.</summary>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Alert">The alert to deliver to every proctor of the room.</param>
[GenerateSerializer, Immutable, Alias("pw.alert-raised")]
public sealed record class AlertRaised(Guid EventId, DateTimeOffset OccurredAt, ProctorAlert Alert) : RoomEvent(EventId, OccurredAt);
