using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Interfaces.Events;

/// <summary>A session of the room changed status, counters, risk or liveness.</summary>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Session">The session's live state.</param>
[GenerateSerializer, Immutable, Alias("pw.session-changed")]
public sealed record class SessionChanged(Guid EventId, DateTimeOffset OccurredAt, SessionLiveView Session) : RoomEvent(EventId, OccurredAt);
