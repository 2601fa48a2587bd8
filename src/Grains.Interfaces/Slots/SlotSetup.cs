namespace ProctorWise.Grains.Interfaces.Slots;

/// <summary>What a slot learns from its exam when created or when the exam changes.</summary>
/// <param name="ExamId">The exam.</param>
/// <param name="OwnerId">The exam's owner.</param>
/// <param name="ExamTitle">The exam's title, shown in bookings.</param>
/// <param name="DurationMinutes">The exam's duration.</param>
/// <param name="IsOpen">True while the exam is published.</param>
[GenerateSerializer, Immutable, Alias("pw.slot-setup")]
public sealed record class SlotSetup(string ExamId, string OwnerId, string ExamTitle, int DurationMinutes, bool IsOpen);
