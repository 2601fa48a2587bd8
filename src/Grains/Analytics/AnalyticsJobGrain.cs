using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <inheritdoc cref="IAnalyticsJobGrain"/>
/// <remarks>
/// An attempt runs in a grain timer that interleaves with calls, so status reads answer while the engine works and no
/// call waits for a run. While a run is pending or running the grain holds a reminder: if its silo dies, the reminder
/// re-activates the grain on another silo, and an activation that finds a run unfinished resumes it (an activation is
/// unique in the cluster, so the one that ran it is gone). Deactivation cancels the attempt in flight.
/// </remarks>
public sealed partial class AnalyticsJobGrain(
    [PersistentState(StateNames.AnalyticsJob, StorageNames.Default)] IPersistentState<AnalyticsJobState> run,
    IAnalyticsEngine engine,
    ILakeStorage lake,
    AnalyticsLake root,
    EventOutboxFactory outboxes,
    IOptions<AnalyticsJobsOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<AnalyticsJobGrain> logger) : Grain, IAnalyticsJobGrain, IRemindable
{
    private const string WatchReminder = "analytics-run-watch";
    private EventOutbox _outbox = null!;
    private IGrainTimer? _next;
    private Action? _cancelAttempt;

    private AnalyticsJobState State => run.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => run.WriteStateAsync());
        if (State.Status is AnalyticsRunStatus.Pending or AnalyticsRunStatus.Running && State.Job.Length > 0)
        {
            LogResumed(logger, State.Job, State.Period, State.Attempts);
            ScheduleAttempt(TimeSpan.Zero);
        }

        return _outbox.OnActivateAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancelAttempt?.Invoke();
        return _outbox.OnDeactivateAsync();
    }

    public async Task<AnalyticsRunView> StartAsync(AnalyticsRunTrigger trigger, IReadOnlyList<string> then)
    {
        if (State.Job.Length > 0 && !IsFinished)
        {
            return View(); // One run per period: the one under way stands.
        }

        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var job = slash > 0 ? JobCatalog.Find(key[..slash]) : null;
        if (job is null || !AnalyticsPeriod.TryParse(job.PeriodKind, key[(slash + 1)..], out var period))
        {
            throw new ArgumentException($"'{key}' is not a job/period key.", nameof(then));
        }

        run.State = new AnalyticsJobState
        {
            Job = job.Name, Period = period.Key, Status = AnalyticsRunStatus.Pending, Trigger = trigger,
            RequestedAt = clock.GetUtcNow(), Then = [.. then], Outbox = State.Outbox,
        };
        await run.WriteStateAsync();
        await this.RegisterOrUpdateReminder(WatchReminder, options.Value.WatchInterval, options.Value.WatchInterval);
        await PublishViewAsync();
        ScheduleAttempt(TimeSpan.Zero);
        return View();
    }

    public Task<AnalyticsRunView?> GetAsync() => Task.FromResult(State.Job.Length > 0 ? View() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (IsFinished)
        {
            await StopWatchingAsync();
        }

        // Activation already resumed an unfinished run; the reminder's job was to cause that activation.
    }

    private async Task StopWatchingAsync()
    {
        if (await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private bool IsFinished => State.Status is AnalyticsRunStatus.Succeeded or AnalyticsRunStatus.Failed;

    private void ScheduleAttempt(TimeSpan due)
    {
        _next?.Dispose();
        _next = this.RegisterGrainTimer(_ => AttemptAsync(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task AttemptAsync()
    {
        if (_cancelAttempt is not null || IsFinished)
        {
            return;
        }

        var job = JobCatalog.Find(State.Job)!;
        State.Status = AnalyticsRunStatus.Running;
        State.Attempts++;
        State.StartedAt = clock.GetUtcNow();
        await run.WriteStateAsync();
        await PublishViewAsync();
        using var attempt = new CancellationTokenSource();
        _cancelAttempt = attempt.Cancel;
        try
        {
            var outcome = await new AnalyticsRunAttempt(engine, lake, root).RunAsync(job, job.ParsePeriod(State.Period), attempt.Token);
            (State.Status, State.Error, State.FinishedAt, State.Duration) = (AnalyticsRunStatus.Succeeded, null, clock.GetUtcNow(), outcome.Result.Elapsed);
            (State.InputFiles, State.NoInput) = (outcome.InputFiles, outcome.NoInput);
            State.Datasets = [.. outcome.Result.Datasets.Select(d => new AnalyticsDatasetRows(d.Name, d.Rows))];
            await run.WriteStateAsync();
        }
        catch (Exception e) when (!attempt.IsCancellationRequested)
        {
            await FailAttemptAsync(e);
        }
        finally
        {
            _cancelAttempt = null;
        }

        await PublishViewAsync();
        if (IsFinished)
        {
            await StopWatchingAsync();
            if (State is { Status: AnalyticsRunStatus.Succeeded, Then: [var next, .. var rest] })
            {
                await GrainFactory.GetGrain<IAnalyticsJobGrain>(next).StartAsync(AnalyticsRunTrigger.Chain, rest);
            }
        }
    }

    private async Task FailAttemptAsync(Exception error)
    {
        var now = clock.GetUtcNow();
        State.Error = error.Message;
        State.Duration = now - State.StartedAt;
        LogAttemptFailed(logger, error, State.Job, State.Period, State.Attempts);
        if (State.Attempts < options.Value.MaxAttempts)
        {
            State.Status = AnalyticsRunStatus.Pending;
            await run.WriteStateAsync();
            ScheduleAttempt(AnalyticsSchedule.RetryDelayBefore(State.Attempts + 1, options.Value));
            return;
        }

        (State.Status, State.FinishedAt) = (AnalyticsRunStatus.Failed, now);
        _outbox.Add(StreamNamespaces.Analytics, this.GetPrimaryKeyString(),
            new AnalyticsJobFailed(Guid.CreateVersion7(), now, State.Job, State.Period, State.Trigger, State.Attempts, error.Message));
        await _outbox.CommitAsync();
    }

    private Task PublishViewAsync() => GrainFactory.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default).UpsertAsync(View());

    private AnalyticsRunView View() => new(
        State.Job, State.Period, State.Status, State.Trigger, State.Attempts, State.RequestedAt, State.StartedAt, State.FinishedAt,
        State.Duration, State.InputFiles, State.NoInput, [.. State.Datasets], State.Error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics run {Job} {Period}: attempt {Attempt} failed.")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string job, string period, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics run {Job} {Period} was unfinished after {Attempts} attempt(s); resuming it here.")]
    private static partial void LogResumed(ILogger logger, string job, string period, int attempts);
}
