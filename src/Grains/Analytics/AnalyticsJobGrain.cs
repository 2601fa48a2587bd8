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
    IAnalyticsReports reports,
    ILakeStorage lake,
    AnalyticsLake root,
    EventOutboxFactory outboxes,
    IOptions<AnalyticsJobsOptions> options,
    AnalyticsMetrics metrics,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<AnalyticsJobGrain> logger) : Grain, IAnalyticsJobGrain
{
    private EventOutbox _outbox = null!;
    private AnalyticsAttemptTimer _next = null!;
    private Action? _cancelAttempt;

    private AnalyticsJobState State => run.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => run.WriteStateAsync());
        _next = new AnalyticsAttemptTimer(this, clock, AttemptAsync);
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
                _next.Schedule(State.NextAttemptAt);
            }
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancelAttempt?.Invoke();
        _next.Cancel();
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
        _next.Schedule(null);
        return State.ToView();
    }

    public Task<AnalyticsRunView?> GetAsync() => Task.FromResult(State.IsStarted ? State.ToView() : null);

    private async Task AttemptAsync()
    {
        if (_cancelAttempt is not null || State.IsFinished)
        {
            return;
        }

        var job = JobCatalog.Find(State.Job)!;
        State.BeginAttempt(clock.GetUtcNow());
        await run.WriteStateAsync();
        await PublishViewAsync();
        using var attempt = new CancellationTokenSource();
        _cancelAttempt = attempt.Cancel;
        try
        {
            var outcome = await new AnalyticsRunAttempt(engine, reports, lake, root, clock).RunAsync(job, job.ParsePeriod(State.Period), attempt.Token);
            State.Succeed(outcome, clock.GetUtcNow());
            await run.WriteStateAsync();
            metrics.Succeeded(State.Job);
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
            // The attempt is over before the retry is scheduled: a retry timer that fires while FailAsync still
            // awaits (timers interleave) must not find an attempt in progress and skip itself.
            _cancelAttempt = null;
            await FailAsync(e);
            return;
        }
        finally
        {
            _cancelAttempt = null;
        }

        if (State.Then is [var next, .. var rest])
        {
            await AnalyticsChain.StartNextAsync(GrainFactory, logger, State, next, rest);
        }
    }

    private async Task FailAsync(Exception error)
    {
        var now = clock.GetUtcNow();
        AnalyticsJobLog.AttemptFailed(logger, error, State.Job, State.Period, State.Attempts);
        var retry = State.FailAttempt(error, now, options.Value);
        metrics.AttemptFailed(State.Job, final: !retry);
        if (retry)
        {
            await run.WriteStateAsync();
            _next.Schedule(State.NextAttemptAt);
        }
        else
        {
            _outbox.Add(StreamNamespaces.Analytics, this.GetPrimaryKeyString(),
                new AnalyticsJobFailed(Guid.CreateVersion7(), now, State.Job, State.Period, State.Trigger, State.Attempts, State.Error ?? error.Message));
            await _outbox.CommitAsync();
        }

        await PublishViewAsync();
    }

    private Task PublishViewAsync() => GrainFactory.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default).UpsertAsync(State.ToView());
}
