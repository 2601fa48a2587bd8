using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Notifications;

/// <summary>The persisted state of an <see cref="ExamReminderGrain"/>.</summary>
[GenerateSerializer, Alias("pw.exam-reminder-state")]
public sealed class ExamReminderState
{
    /// <summary>The booking's plan; null until scheduled.</summary>
    [Id(0)] public ExamReminderPlan? Plan { get; set; }

    /// <summary>Notices sent (or skipped because they were already due at booking).</summary>
    [Id(1)] public HashSet<string> Done { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True once the booking or its slot was cancelled: nothing is sent, and a redelivered booking does not reschedule.</summary>
    [Id(2)] public bool Cancelled { get; set; }
}
