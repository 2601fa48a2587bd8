using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Notifications;

/// <inheritdoc cref="IExamReminderGrain"/>
/// <remarks>
/// An Orleans reminder ticks every <see cref="NotificationOptions.ReminderCheckInterval"/> until both notices are
/// sent; each tick compares the domain clock with the slot's start, so a notice is at most one interval late, is
/// sent by whichever silo holds the reminder after a restart, and tests move the clock instead of waiting a day.
/// The reminder is stored with grain state (MariaDB in production), so it outlives every silo.
/// </remarks>
public sealed class ExamReminderGrain(
    [PersistentState(StateNames.ExamReminder, StorageNames.Default)] IPersistentState<ExamReminderState> reminders,
    IOptions<NotificationOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IExamReminderGrain, IRemindable
{
    private const string TickReminder = "exam-reminder";

    private ExamReminderState State => reminders.State;

    public async Task ScheduleAsync(ExamReminderPlan plan)
    {
        if (State.Plan is not null || State.Cancelled)
        {
            return;
        }

        State.Plan = plan;

        // A notice already due when the booking was made is skipped: the confirmation just gave the time.
        foreach (var (notice, before) in ExamReminderNotices.All.Where(n => plan.BookedAt >= plan.StartsAt - n.Before))
        {
            State.Done.Add(notice);
        }

        await reminders.WriteStateAsync();
        if (Pending().Count > 0)
        {
            var every = options.Value.ReminderCheckInterval;
            await this.RegisterOrUpdateReminder(TickReminder, every, every);
        }
    }

    public async Task CancelAsync()
    {
        if (!State.Cancelled)
        {
            State.Cancelled = true;
            await reminders.WriteStateAsync();
        }

        await StopAsync();
    }

    public Task<IReadOnlyList<string>> GetPendingAsync() => Task.FromResult(Pending());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Plan is not { } plan || State.Cancelled)
        {
            await StopAsync();
            return;
        }

        var now = clock.GetUtcNow();
        var due = ExamReminderNotices.All.Where(n => !State.Done.Contains(n.Notice) && now >= plan.StartsAt - n.Before).ToList();
        if (due.Count > 0)
        {
            var composer = new NotificationComposer(GrainFactory, options.Value.PublicBaseUrl);
            var title = await composer.ExamTitleAsync(plan.ExamId, plan.SlotId);
            var booking = this.GetPrimaryKeyString();

            // Only the latest due notice is sent: after downtime, "1 hour" is the one that matters, "24 hours" would mislead.
            if (now < plan.StartsAt)
            {
                var latest = due[^1].Notice;
                await GrainFactory.GetGrain<INotificationGrain>(plan.StudentId).AddAsync(composer.Reminder(booking, latest, title, plan.StartsAt));
            }

            due.ForEach(n => State.Done.Add(n.Notice));
            await reminders.WriteStateAsync();
        }

        if (Pending().Count == 0)
        {
            await StopAsync();
        }
    }

    private IReadOnlyList<string> Pending() =>
        State.Plan is null || State.Cancelled ? [] : [.. ExamReminderNotices.All.Select(n => n.Notice).Where(n => !State.Done.Contains(n))];

    private async Task StopAsync()
    {
        if (await this.GetReminder(TickReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
