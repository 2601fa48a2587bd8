namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>
/// The reminders of one booking (key: booking id): 24 h and 1 h before its slot, with an Orleans reminder so they
/// fire even when the silo that scheduled them is gone. Idempotent: a redelivered booking event changes nothing,
/// and a cancelled booking is never scheduled again.
/// </summary>
[Alias("pw.IExamReminderGrain")]
public interface IExamReminderGrain : IGrainWithStringKey
{
    /// <summary>Schedules the reminders (once).</summary>
    [Alias("Schedule")]
    Task ScheduleAsync(ExamReminderPlan plan);

    /// <summary>Drops the reminders for good (the booking or its slot was cancelled).</summary>
    [Alias("Cancel")]
    Task CancelAsync();

    /// <summary>The notices still to send (<c>24h</c>, <c>1h</c>); empty once sent or cancelled.</summary>
    [Alias("GetPending")]
    Task<IReadOnlyList<string>> GetPendingAsync();
}
