using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>A room as a dashboard (re)loads it.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Sessions">Every session of the room with its live state.</param>
[GenerateSerializer, Immutable, Alias("pw.room-snapshot")]
public sealed record class RoomSnapshot(SlotView Slot, IReadOnlyList<SessionLiveView> Sessions);
