using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Analytics;

/// <inheritdoc cref="IAnalyticsJobGrain"/>
/// <remarks>
/// An attempt runs in a grain timer that interleaves with calls: the engine works on its own worker threads while the
/// grain awaits it, so status reads and starts answer at once and no call waits for a run. An activation that finds a
/// run unfinished resumes it, since the activation that ran it is gone (its silo died, or it was deactivated); the
/// scheduler's tick calls every unfinished run, which is what brings such a run back on a live silo. An interrupted
/// attempt counts as a failed one, so a run that kills its silo every time ends failed instead of looping.
/// </remarks>
public sealed class AnalyticsJobGrain(
    [PersistentState(StateNames.AnalyticsJob, StorageNames.Default)] IPersistentState<AnalyticsJobState> run,
    IAnalyticsEngine engine,
    ILakeStorage lake,
    AnalyticsLake root,
    EventOutboxFactory outboxes,
    IOptions<AnalyticsJobsOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<AnalyticsJobGrain> logger) : Grain, IAnalyticsJobGrain
{
    private EventOutbox _outbox = null!;
    private IGrainTimer? _next;
    private Action? _cancelAttempt;

    private AnalyticsJobState State => run.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => run.WriteStateAsync());
        await _outbox.OnActivateAsync();
        if (State.IsStarted && !State.IsFinished)
        {
            AnalyticsJobLog.Resumed(logger, State.Job, State.Period, State.Attempts);
            if (State.Status == AnalyticsRunStatus.Running)
            {
                await FailAsync(new AnalyticsRunException($"Attempt {State.Attempts} was interrupted: its silo stopped or the run's grain was deactivated."));
            }
            else
            {
                ScheduleAttempt();
            }
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancelAttempt?.Invoke();
        return _outbox.OnDeactivateAsync();
    }

    public async Task<AnalyticsRunView> StartAsync(AnalyticsRunTrigger trigger, IReadOnlyList<string> then)
    {
        if (State.IsStarted && !State.IsFinished)
        {
            throw ProctorWiseException.Conflict(
                $"{State.Job} {State.Period} is already {State.Status.ToString().ToLowerInvariant()} (attempt {State.Attempts}); a period runs once at a time.");
        }

        var (job, period) = AnalyticsRunKey.Parse(this.GetPrimaryKeyString());
        run.State = new AnalyticsJobState
        {
            Job = job.Name,
            Period = period.Key,
            Status = AnalyticsRunStatus.Pending,
            Trigger = trigger,
            RequestedAt = clock.GetUtcNow(),
            Then = [.. then],
            Outbox = State.Outbox,
        };
        await run.WriteStateAsync();
        await PublishViewAsync();
        ScheduleAttempt();
        return State.ToView();
    }

    public Task<AnalyticsRunView?> GetAsync() => Task.FromResult(State.IsStarted ? State.ToView() : null);

    private void ScheduleAttempt()
    {
        var now = clock.GetUtcNow();
        var due = State.NextAttemptAt is { } at && at > now ? at - now : TimeSpan.Zero;
        _next?.Dispose();
        _next = this.RegisterGrainTimer(_ => AttemptAsync(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task AttemptAsync()
    {
        if (_cancelAttempt is not null || State.IsFinished)
        {
            return;
        }

        var job = JobCatalog.Find(State.Job)!;
        (State.Status, State.StartedAt, State.NextAttemptAt) = (AnalyticsRunStatus.Running, clock.GetUtcNow(), null);
        State.Attempts++;
        await run.WriteStateAsync();
        await PublishViewAsync();
        using var attempt = new CancellationTokenSource();
        _cancelAttempt = attempt.Cancel;
        try
        {
            var outcome = await new AnalyticsRunAttempt(engine, lake, root).RunAsync(job, job.ParsePeriod(State.Period), attempt.Token);
            State.Succeed(outcome, clock.GetUtcNow());
            await run.WriteStateAsync();
            await PublishViewAsync();
        }
        catch (Exception e) when (attempt.IsCancellationRequested)
        {
            // Deactivating: the run stays "running" in storage and the next activation takes it up.
            AnalyticsJobLog.Interrupted(logger, e, State.Job, State.Period, State.Attempts);
            return;
        }
        catch (Exception e)
        {
            await FailAsync(e);
            return;
        }
        finally
        {
            _cancelAttempt = null;
        }

        if (State.Then is [var next, .. var rest])
        {
            await StartNextAsync(next, rest);
        }
    }

    private async Task StartNextAsync(string next, List<string> rest)
    {
        try
        {
            await GrainFactory.GetGrain<IAnalyticsJobGrain>(next).StartAsync(AnalyticsRunTrigger.Chain, rest);
        }
        catch (ProctorWiseException e) when (e.Kind == ErrorKind.Conflict)
        {
            // That period is being run already (by the schedule or an administrator): the chain stops here.
            AnalyticsJobLog.ChainStopped(logger, State.Job, State.Period, next, e.Message);
        }
    }

    private async Task FailAsync(Exception error)
    {
        var now = clock.GetUtcNow();
        State.RecordFailure(error, now);
        AnalyticsJobLog.AttemptFailed(logger, error, State.Job, State.Period, State.Attempts);
        if (State.Attempts < options.Value.MaxAttempts)
        {
            State.Status = AnalyticsRunStatus.Pending;
            State.NextAttemptAt = now + AnalyticsSchedule.RetryDelayBefore(State.Attempts + 1, options.Value);
            await run.WriteStateAsync();
            ScheduleAttempt();
        }
        else
        {
            (State.Status, State.FinishedAt) = (AnalyticsRunStatus.Failed, now);
            _outbox.Add(StreamNamespaces.Analytics, this.GetPrimaryKeyString(),
                new AnalyticsJobFailed(Guid.CreateVersion7(), now, State.Job, State.Period, State.Trigger, State.Attempts, State.Error ?? error.Message));
            await _outbox.CommitAsync();
        }

        await PublishViewAsync();
    }

    private Task PublishViewAsync() => GrainFactory.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default).UpsertAsync(State.ToView());
}
