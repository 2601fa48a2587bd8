using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>A room after (or during) its slot: every student's anomalies, risk over time and the actions taken.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="GeneratedAt">When the report was put together (server time).</param>
/// <param name="Students">One record per session of the room, by student name.</param>
[GenerateSerializer, Immutable, Alias("pw.room-report")]
public sealed record class RoomReport(SlotView Slot, DateTimeOffset GeneratedAt, IReadOnlyList<SessionSupervisionRecord> Students);
