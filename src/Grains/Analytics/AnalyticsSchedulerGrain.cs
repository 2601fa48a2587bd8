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
/// with: a tick after downtime starts what fell due meanwhile (within the look-back). The record is written after the
/// runs were started, so a crash in between starts them again, which only re-runs a period (idempotent).
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
        if (await this.GetReminder(TickReminder) is null)
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
                started.Add(await JobGrain(job.Name, period).StartAsync(trigger, []));
            }

            schedule.State.LastScheduled[job.Name] = AnalyticsSchedule.LatestDue(job.PeriodKind, now, options.Value).Key;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (schedule.State.LastSweep != today)
        {
            var deleted = await new LakeRetention(lake, options.Value).SweepAsync(now);
            LogSwept(logger, deleted.Count, deleted);
            schedule.State.LastSweep = today;
        }

        await schedule.WriteStateAsync();
        return started;
    }

    public async Task<IReadOnlyList<AnalyticsRunView>> RunAsync(Caller caller, AnalyticsRunCommand command)
    {
        if (!caller.IsAdmin)
        {
            throw ProctorWiseException.Forbidden("Only administrators run analytics jobs.");
        }

        var runs = AnalyticsRunPlan.From(command, clock.GetUtcNow());
        var keys = runs.Select(r => AnalyticsRunView.KeyOf(r.Job.Name, r.Period.Key)).ToList();
        var trigger = command.Chain ? AnalyticsRunTrigger.Chain : AnalyticsRunTrigger.Manual;
        return [await GrainFactory.GetGrain<IAnalyticsJobGrain>(keys[0]).StartAsync(trigger, keys[1..])];
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private IAnalyticsJobGrain JobGrain(string job, AnalyticsPeriod period) =>
        GrainFactory.GetGrain<IAnalyticsJobGrain>(AnalyticsRunView.KeyOf(job, period.Key));

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics retention: deleted {Count} lake folder(s): {Folders}.")]
    private static partial void LogSwept(ILogger logger, int count, IReadOnlyList<string> folders);
}
