using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <inheritdoc cref="IAnalyticsSchedulerGrain"/>
/// <remarks>
/// The tick reads the domain clock, so a run is due by business time, and records per job the newest period it dealt
/// with: a tick after downtime starts what fell due meanwhile (within the look-back). A job's mark is written once its
/// runs were started, so a tick that fails half-way starts the jobs it did not reach next time. The lease of a running job is its
/// activation: Orleans keeps one per grain, and its membership protocol (silo heartbeats) drops those of a dead silo;
/// the tick calls every unfinished run, and a call to one whose silo died activates it on a live silo, which resumes it.
/// </remarks>
public sealed partial class AnalyticsSchedulerGrain(
    [PersistentState(StateNames.AnalyticsScheduler, StorageNames.Default)] IPersistentState<AnalyticsSchedulerState> schedule,
    ILakeStorage lake,
    IOptions<AnalyticsJobsOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<AnalyticsSchedulerGrain> logger) : Grain, IAnalyticsSchedulerGrain, IRemindable
{
    private const string TickReminder = "analytics-schedule";

    public async Task EnsureScheduledAsync()
    {
        var reminder = await this.GetReminder(TickReminder);
        if (!options.Value.ScheduleEnabled)
        {
            // Reminders are persistent: one registered while the schedule was on would keep ticking.
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        else if (reminder is null)
        {
            await this.RegisterOrUpdateReminder(TickReminder, options.Value.CheckInterval, options.Value.CheckInterval);
        }
    }

    public async Task<IReadOnlyList<AnalyticsRunView>> TickAsync()
    {
        var now = clock.GetUtcNow();
        var started = new List<AnalyticsRunView>();
        foreach (var job in JobCatalog.All)
        {
            var last = schedule.State.LastScheduled.TryGetValue(job.Name, out var key) ? job.ParsePeriod(key) : null;
            foreach (var (period, trigger) in AnalyticsSchedule.Due(job.PeriodKind, last, now, options.Value))
            {
                if (await TryStartAsync(job.Name, period, trigger) is { } run)
                {
                    started.Add(run);
                }

            }

            // Periods older than the look-back were passed over: the newest due one is the mark from now on.
            var latest = AnalyticsSchedule.LatestDue(job.PeriodKind, now, options.Value).Key;
            if (key != latest)
            {
                schedule.State.LastScheduled[job.Name] = latest;
                await schedule.WriteStateAsync();
            }
        }

        await ReviveUnfinishedAsync(started);
        await SweepAsync(now);
        return started;
    }

    public async Task<AnalyticsRunStarted> RunAsync(Caller caller, AnalyticsRunCommand command)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin)
        {
            throw ProctorWiseException.Forbidden("Only administrators run analytics jobs.");
        }

        var runs = AnalyticsRunPlan.From(command, clock.GetUtcNow());
        var keys = runs.Select(r => AnalyticsRunView.KeyOf(r.Job.Name, r.Period.Key)).ToList();
        var trigger = command.Chain ? AnalyticsRunTrigger.Chain : AnalyticsRunTrigger.Manual;
        var first = await GrainFactory.GetGrain<IAnalyticsJobGrain>(keys[0]).StartAsync(trigger, keys[1..]);
        return new AnalyticsRunStarted(first, keys[1..]);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private async Task<AnalyticsRunView?> TryStartAsync(string job, AnalyticsPeriod period, AnalyticsRunTrigger trigger)
    {
        try
        {
            return await GrainFactory.GetGrain<IAnalyticsJobGrain>(AnalyticsRunView.KeyOf(job, period.Key)).StartAsync(trigger, []);
        }
        catch (ProctorWiseException e) when (e.Kind == ErrorKind.Conflict)
        {
            // An administrator (or an earlier tick) is running that period now: that run stands for this one.
            LogAlreadyRunning(logger, job, period.Key);
            return null;
        }
    }

    private async Task ReviveUnfinishedAsync(List<AnalyticsRunView> justStarted)
    {
        var index = GrainFactory.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default);
        foreach (var key in await index.UnfinishedAsync())
        {
            if (justStarted.Any(r => AnalyticsRunView.KeyOf(r.Job, r.Period) == key))
            {
                continue;
            }

            try
            {
                await GrainFactory.GetGrain<IAnalyticsJobGrain>(key).GetAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A silo that just died may still own the activation: the next tick asks again.
                LogReviveFailed(logger, e, key);
            }
        }
    }

    private async Task SweepAsync(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (schedule.State.LastSweep == today)
        {
            return;
        }

        // Listing and deleting folders is I/O: off the grain's turn, then back to record it.
        var retention = new LakeRetention(lake, options.Value);
        var deleted = await Task.Run(() => retention.SweepAsync(now));
        LogSwept(logger, deleted.Count, deleted);
        schedule.State.LastSweep = today;
        await schedule.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics retention: deleted {Count} lake folder(s): {Folders}.")]
    private static partial void LogSwept(ILogger logger, int count, IReadOnlyList<string> folders);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics schedule: {Job} {Period} is already being run; the schedule leaves it to that run.")]
    private static partial void LogAlreadyRunning(ILogger logger, string job, string period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics schedule: the unfinished run {Key} did not answer; the next tick asks again.")]
    private static partial void LogReviveFailed(ILogger logger, Exception exception, string key);
}
