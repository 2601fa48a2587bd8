namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>What a booking's reminders need: who, which slot, when it starts.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="SlotId">The slot.</param>
/// <param name="ExamId">Its exam.</param>
/// <param name="StartsAt">Start of the slot.</param>
/// <param name="BookedAt">When the booking was made (a notice already due then is skipped: the confirmation said it).</param>
[GenerateSerializer, Immutable, Alias("pw.exam-reminder-plan")]
public sealed record class ExamReminderPlan(string StudentId, string SlotId, string ExamId, DateTimeOffset StartsAt, DateTimeOffset BookedAt);
