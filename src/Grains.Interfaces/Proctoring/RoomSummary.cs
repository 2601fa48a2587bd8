using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>A supervised room with live counts (<c>GET /api/proctor/rooms</c>).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="InProgress">Sessions running now.</param>
/// <param name="Finished">Sessions that ended.</param>
/// <param name="AtRisk">Running sessions with a risk score of 50 or more.</param>
[GenerateSerializer, Immutable, Alias("pw.room-summary")]
public sealed record class RoomSummary(SlotView Slot, int InProgress, int Finished, int AtRisk);
