using Orleans.Streams;
using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Proctoring;

namespace ProctorWise.Grains.Sessions;

/// <summary>Live proctoring of the attempt: signals, frames, anomalies, the room stream, proctor actions.</summary>
public sealed partial class ExamSessionGrain
{
    private const string EvidenceReminder = "evidence-retention";

    /// <summary>Frames closer together than this are refused (429): the client sends one every ~2 s.</summary>
    public static readonly TimeSpan MinFrameInterval = TimeSpan.FromSeconds(1);

    /// <summary>A room hears from a quiet session at least this often (its "last seen").</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    private readonly ConditionTrackers _trackers = new();
    private HubFanout? _fanout;
    private IAsyncStream<RoomEvent>? _room;
    private DateTimeOffset? _lastSeenAt;
    private DateTimeOffset? _lastFrameAdmittedAt;
    private SessionLiveView? _lastPublished;
    private DateTimeOffset _lastPublishedAt;
    private SignalBudget? _signals;
    private bool _proctoringDirty;

    public async Task RecordSignalAsync(Caller caller, BrowserSignal signal)
    {
        await EnsureRunningForStudentAsync(caller);
        if (!_signals!.TryTake(clock.GetUtcNow()))
        {
            throw new ProctorWiseException(ErrorKind.TooManyRequests, "Too many browser events; slow down.");
        }
        if (signal.Sequence <= State.Proctoring.LastSignalSequence)
        {
            return;
        }

        State.Proctoring.LastSignalSequence = signal.Sequence;
        SeenNow();
        await ApplyAsync(Rules().OnSignal(signal.Type, clock.GetUtcNow(), signal.ClientTime), jpeg: null);
    }

    public async Task BeginFrameAsync(Caller caller)
    {
        await EnsureRunningForStudentAsync(caller);
        var now = clock.GetUtcNow();
        if (_lastFrameAdmittedAt is { } last && now - last < MinFrameInterval)
        {
            throw new ProctorWiseException(ErrorKind.TooManyRequests, "Frames must be at least one second apart.");
        }

        _lastFrameAdmittedAt = now;
    }

    public async Task RecordFrameAsync(Caller caller, FrameAnalysis analysis, byte[] jpeg)
    {
        await EnsureRunningForStudentAsync(caller);
        SeenNow();
        await ApplyAsync(Rules().OnFrame(analysis, clock.GetUtcNow()), jpeg);
    }

    public async Task<IReadOnlyList<AnomalyView>> GetAnomaliesAsync(Caller caller)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: true);
        var id = this.GetPrimaryKeyString();
        return [.. Enumerable.Reverse(State.Proctoring.Anomalies).Select(a => a.ToView(id))];
    }

    public async Task<Evidence> GetEvidenceAsync(Caller caller, string anomalyId)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: true);
        var anomaly = State.Proctoring.Anomalies.Find(a => a.Id == anomalyId);
        var evidence = anomaly is { HasEvidence: true }
            ? await GrainFactory.GetGrain<IEvidenceGrain>(EvidenceKeys.For(this.GetPrimaryKeyString(), anomalyId)).GetAsync()
            : null;
        return evidence ?? throw ProctorWiseException.NotFound("Evidence");
    }

    public async Task WarnAsync(Caller caller, string message)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: false);
        var text = CheckText("message", message);
        if (State.Status != SessionStatus.InProgress)
        {
            throw ProctorWiseException.Conflict("The session has ended.");
        }

        State.Proctoring.Warnings++;
        await session.WriteStateAsync();
        await NotifyStudentAsync(new StudentMessage(StudentMessageKind.Warning, text, clock.GetUtcNow(), null));
    }

    public async Task<string> TerminateAsync(Caller caller, string reason)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: false);
        var text = CheckText("reason", reason);
        await ExpireIfDueAsync();
        if (State.Status == SessionStatus.InProgress)
        {
            State.EndReason = text;
            await EndAsync(SessionStatus.Terminated, clock.GetUtcNow());
            await NotifyStudentAsync(new StudentMessage(StudentMessageKind.Terminated, text, clock.GetUtcNow(), null));
        }
        else
        {
            await EndAsync(State.Status, State.EndedAt ?? clock.GetUtcNow());
        }

        return State.SubmissionId!;
    }

    public async Task<SessionView> ExtendAsync(Caller caller, int minutes)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: true);
        if (minutes is < 1 or > 240)
        {
            throw ProctorWiseException.Invalid("minutes", "Must be between 1 and 240.");
        }

        await ExpireIfDueAsync();
        if (State.Status != SessionStatus.InProgress)
        {
            throw ProctorWiseException.Conflict("The session has ended.");
        }

        State.Start = Start with { Deadline = Start.Deadline.AddMinutes(minutes) };
        await session.WriteStateAsync();
        _timer?.Change(NextDue(), options.Value.TickInterval);
        await PublishLiveAsync(force: true);
        await NotifyStudentAsync(new StudentMessage(StudentMessageKind.DeadlineChanged, null, clock.GetUtcNow(), Start.Deadline));
        return SessionViews.Full(this.GetPrimaryKeyString(), State);
    }

    private void ActivateProctoring()
    {
        _fanout = new HubFanout(GrainFactory, clock);
        _signals = new SignalBudget(clock.GetUtcNow());
        if (State.Status == SessionStatus.InProgress)
        {
            // A reactivation (another silo, a restart) does not know when the last frame came: the camera
            // gets a full frame timeout from now instead of being judged from the session's start. An
            // anomaly already open stays open until a frame arrives.
            _trackers.LastFrameAt = clock.GetUtcNow();
        }
    }

    private ProctoringRules Rules() =>
        new(Start.Exam.Proctoring, State.Proctoring, _trackers, () => Guid.CreateVersion7().ToString("N"));

    private void SeenNow() => _lastSeenAt = clock.GetUtcNow();

    private async Task ProctoringTickAsync()
    {
        await ApplyAsync(Rules().OnTick(clock.GetUtcNow(), State.StartedAt), jpeg: null);
        if (_proctoringDirty)
        {
            _proctoringDirty = false;
            await session.WriteStateAsync();
        }
    }

    private void CloseAnomalies(DateTimeOffset endedAt) => Rules().OnEnd(endedAt);

    /// <summary>
    /// Keeps evidence, writes what matters (new, worse or ended anomalies; mere updates wait for the next
    /// tick), alerts the room on new or worse anomalies and refreshes the room's view of the session.
    /// </summary>
    private async Task ApplyAsync(IReadOnlyList<AnomalyChange> changes, byte[]? jpeg)
    {
        var sessionId = this.GetPrimaryKeyString();
        foreach (var change in changes.Where(c => c.NeedsEvidence && jpeg is not null))
        {
            if (State.Proctoring.Anomalies.Count(a => a.HasEvidence) < options.Value.MaxEvidencePerSession)
            {
                await GrainFactory.GetGrain<IEvidenceGrain>(EvidenceKeys.For(sessionId, change.Anomaly.Id)).StoreAsync(new Evidence(jpeg!, clock.GetUtcNow()));
                change.Anomaly.HasEvidence = true;
            }
        }

        if (changes.Any(c => c.Kind != AnomalyChangeKind.Updated))
        {
            await session.WriteStateAsync();
        }
        else if (changes.Count > 0)
        {
            _proctoringDirty = true;
        }

        var live = LiveView();
        foreach (var change in changes.Where(c => c.Alerts))
        {
            var a = change.Anomaly;
            var start = Start;
            var alert = new ProctorAlert(
                $"{a.Id}.{(int)a.Severity}", sessionId, start.SlotId, start.StudentId, start.StudentName, a.Id, a.Type, a.Severity, a.Reason,
                clock.GetUtcNow(), live.RiskScore, Acknowledged: false);
            await Room().OnNextAsync(new AlertRaised(Guid.NewGuid(), clock.GetUtcNow(), alert));
        }

        await PublishLiveAsync(force: false, live);
    }

    /// <summary>Publishes the session's live state when it changed, or as a heartbeat.</summary>
    private async Task PublishLiveAsync(bool force, SessionLiveView? live = null)
    {
        live ??= LiveView();
        var now = clock.GetUtcNow();
        var changed = _lastPublished is not { } last
            || last.Status != live.Status || last.RiskScore != live.RiskScore || last.Deadline != live.Deadline
            || last.OpenAnomalies != live.OpenAnomalies || !last.Counters.SequenceEqual(live.Counters);
        if (force || changed || now - _lastPublishedAt >= Heartbeat)
        {
            _lastPublished = live;
            _lastPublishedAt = now;
            await Room().OnNextAsync(new SessionChanged(Guid.NewGuid(), now, live));
        }
    }

    private SessionLiveView LiveView()
    {
        var start = Start;
        var proctoring = State.Proctoring;
        return new SessionLiveView(
            this.GetPrimaryKeyString(), start.SlotId, start.StudentId, start.StudentName, State.Status,
            new SortedDictionary<Interfaces.Proctoring.AnomalyType, int>(proctoring.Counters), RiskScore.Compute(proctoring.Anomalies, clock.GetUtcNow()),
            _lastSeenAt, start.Deadline, proctoring.Anomalies.Count(a => a.IsOpen));
    }

    private IAsyncStream<RoomEvent> Room() =>
        _room ??= this.GetStreamProvider(StreamProviders.Default).GetStream<RoomEvent>(StreamId.Create(StreamNamespaces.Alerts, Start.SlotId));

    private Task NotifyStudentAsync(StudentMessage message)
    {
        var sessionId = this.GetPrimaryKeyString();
        return _fanout!.SendAsync(observer => observer.OnStudentMessageAsync(sessionId, message));
    }

    private async Task<bool> IsSupervisorAsync(Caller caller, bool ownerAllowed) =>
        caller.IsAdmin
        || (ownerAllowed && caller.UserId == Start.Exam.OwnerId)
        || (caller.Role == UserRole.Proctor && await GrainFactory.GetGrain<IExamSlotGrain>(Start.SlotId).IsProctorAsync(caller.UserId));

    private async Task EnsureSupervisorAsync(Caller caller, bool ownerAllowed)
    {
        if (!await IsSupervisorAsync(caller, ownerAllowed))
        {
            throw Denied(caller);
        }
    }

    private async Task ScheduleEvidenceRetentionAsync()
    {
        if (State.Proctoring.Anomalies.Exists(a => a.HasEvidence))
        {
            await this.RegisterOrUpdateReminder(EvidenceReminder, options.Value.EvidenceRetention, options.Value.EvidenceRetention);
        }
    }

    private async Task DeleteEvidenceAsync()
    {
        var sessionId = this.GetPrimaryKeyString();
        foreach (var anomaly in State.Proctoring.Anomalies.Where(a => a.HasEvidence))
        {
            await GrainFactory.GetGrain<IEvidenceGrain>(EvidenceKeys.For(sessionId, anomaly.Id)).ClearAsync();
            anomaly.HasEvidence = false;
        }

        await session.WriteStateAsync();
        await UnregisterReminderAsync(EvidenceReminder);
    }

    private static string CheckText(string field, string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw ProctorWiseException.Invalid(field, "Required.");
        }

        return trimmed.Length <= 1000 ? trimmed : throw ProctorWiseException.Invalid(field, "At most 1000 characters.");
    }
}
