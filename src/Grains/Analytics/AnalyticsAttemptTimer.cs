namespace ProctorWise.Grains.Analytics;

/// <summary>
/// When a run's next attempt begins: a one-shot grain timer at the stored back-off time (at once when it has passed),
/// interleaving with calls so status reads and starts answer while the attempt runs, and keeping the activation alive
/// until it fires. Scheduling again replaces the previous timer.
/// </summary>
internal sealed class AnalyticsAttemptTimer(Grain grain, TimeProvider clock, Func<Task> attempt)
{
    private IGrainTimer? _timer;

    /// <summary>Schedules the attempt for <paramref name="notBefore"/> (domain clock), or now when it is null or past.</summary>
    public void Schedule(DateTimeOffset? notBefore)
    {
        var now = clock.GetUtcNow();
        var due = notBefore is { } at && at > now ? at - now : TimeSpan.Zero;
        _timer?.Dispose();
        _timer = grain.RegisterGrainTimer(_ => attempt(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    /// <summary>Drops a scheduled attempt (the activation is going; the next one schedules from the stored state).</summary>
    public void Cancel() => _timer?.Dispose();
}
