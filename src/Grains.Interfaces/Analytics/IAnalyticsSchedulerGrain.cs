using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Analytics;

/// <summary>
/// The analytics schedule (singleton, key <c>default</c>): a reminder ticks, and each tick starts the periods that
/// are due (daily, weekly, monthly, UTC), catches up those missed within the look-back, and sweeps old lake data
/// once a day. Administrators start runs through it.
/// </summary>
[Alias("pw.IAnalyticsSchedulerGrain")]
public interface IAnalyticsSchedulerGrain : IGrainWithStringKey
{
    /// <summary>Registers the tick's reminder (idempotent; every silo asks at start), or removes it when <c>Analytics:Jobs:ScheduleEnabled</c> is off.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>
    /// The due-check the reminder runs: starts what is due by the domain clock (and what was missed within the
    /// look-back), checks that every unfinished run still lives (reviving one whose silo died), and sweeps old lake
    /// data once a day. Returns the runs it started.
    /// </summary>
    [Alias("Tick")]
    Task<IReadOnlyList<AnalyticsRunView>> TickAsync();

    /// <summary>
    /// An administrator's run of one period or of the chain. An unknown job, a malformed period or one that has not
    /// begun is a validation error naming the field; a non-administrator is refused; a run of that period already
    /// under way is a conflict.
    /// </summary>
    [Alias("Run")]
    Task<AnalyticsRunStarted> RunAsync(Caller caller, AnalyticsRunCommand command);
}
