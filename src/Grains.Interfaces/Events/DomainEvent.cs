namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>
/// A fact the cluster recorded: one past-tense record per type (docs/events.md), published by the grain that
/// owns the change on the stream of its namespace (one Kafka topic each) after the state that holds it was
/// written. Delivery is at least once: consumers deduplicate by <see cref="EventId"/>. Not for UI snapshots
/// (those are <see cref="RoomEvent"/>s).
/// </summary>
/// <param name="EventId">Unique id (version 7: ordered by time).</param>
/// <param name="OccurredAt">When it happened (UTC, the server's clock).</param>
[GenerateSerializer, Immutable, Alias("pw.domain-event")]
public abstract record class DomainEvent(Guid EventId, DateTimeOffset OccurredAt);
