namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>
/// An event on a room's stream (namespace <c>alerts</c>, key = slot id). Delivery is at least once:
/// handlers are idempotent by <see cref="EventId"/>.
/// </summary>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
[GenerateSerializer, Immutable, Alias("pw.room-event")]
public abstract record class RoomEvent(Guid EventId, DateTimeOffset OccurredAt);
