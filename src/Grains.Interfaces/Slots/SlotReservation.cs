namespace ProctorWise.Grains.Interfaces.Slots;

/// <summary>A seat request for one booking.</summary>
/// <param name="BookingId">The booking id (reserving twice with one id takes one seat).</param>
/// <param name="StudentId">The student.</param>
/// <param name="StudentName">The student's name, shown to the owner and proctors.</param>
[GenerateSerializer, Immutable, Alias("pw.slot-reservation")]
public sealed record class SlotReservation(string BookingId, string StudentId, string StudentName);
