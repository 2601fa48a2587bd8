using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// The clock side of an attempt's deadline: a grain timer that ticks (proctoring checks) and fires exactly at
/// the deadline while the grain is active, and a reminder that re-activates the grain if its silo went away.
/// The reminder ticks every period from the start and each tick checks the deadline, so a changed deadline
/// needs no new registration and a session whose silo died is submitted within a period.
/// </summary>
internal sealed class SessionDeadline(Grain grain, Func<DateTimeOffset> deadline, ExamSessionOptions options, TimeProvider clock, Func<Task> onTick)
{
    /// <summary>The reminder's name.</summary>
    public const string ReminderName = "deadline";

    private IGrainTimer? _timer;

    public async Task RegisterReminderAsync()
    {
        var period = options.DeadlineReminderPeriod;
        var first = TimeSpan.FromTicks(Math.Clamp((deadline() - clock.GetUtcNow()).Ticks, TimeSpan.TicksPerSecond, period.Ticks));
        await grain.RegisterOrUpdateReminder(ReminderName, first, period);
    }

    public void StartTimer() =>
        _timer ??= grain.RegisterGrainTimer(_ => TickAsync(), new GrainTimerCreationOptions(NextDue(), options.TickInterval) { KeepAlive = true });

    /// <summary>The deadline moved: the next tick comes at the new one if it is nearer than a tick.</summary>
    public void Moved() => _timer?.Change(NextDue(), options.TickInterval);

    /// <summary>The attempt is over: no more ticks, no more reminder.</summary>
    public async Task StopAsync()
    {
        _timer?.Dispose();
        _timer = null;
        await UnregisterAsync(ReminderName);
    }

    /// <summary>Drops a reminder of this grain (also retired ones of older versions).</summary>
    public async Task UnregisterAsync(string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    private async Task TickAsync()
    {
        await onTick();
        Moved();
    }

    private TimeSpan NextDue()
    {
        var remaining = deadline() - clock.GetUtcNow();
        return remaining < options.TickInterval ? TimeSpan.FromTicks(Math.Max(remaining.Ticks, 0)) : options.TickInterval;
    }
}
