using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Proctoring;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// The live proctoring of one attempt, owned by its <see cref="ExamSessionGrain"/>: admits signals and
/// frames, runs the rules, keeps evidence, records anomaly facts and tells the room. What matters is
/// written at once (new, worse or ended anomalies); mere updates wait for the next tick.
/// </summary>
internal sealed class SessionProctoring(
    string sessionId,
    Func<ExamSessionState> state,
    EventOutbox outbox,
    SessionLiveFeed feed,
    EvidenceKeeper evidence,
    HubFanout fanout,
    FrameSkipOptions skipOptions,
    TimeProvider clock,
    Func<int> answered)
{
    private readonly ConditionTrackers _trackers = new();
    private readonly FrameSkipGate _skip = new(skipOptions);
    private RequestBudget _signals = RequestBudget.ForSignals(clock.GetUtcNow());
    private DateTimeOffset? _lastFrameAdmittedAt;

    /// <summary>Updates not written yet (counters, reasons, "last seen").</summary>
    public bool Dirty { get; private set; }

    private ExamSessionState State => state();

    private SessionStart Start => State.Start!;

    public void OnActivate()
    {
        _signals = RequestBudget.ForSignals(clock.GetUtcNow());
        if (State.Status == SessionStatus.InProgress)
        {
            // A reactivation (another silo, a restart) does not know when the last frame came: the camera
            // gets a full frame timeout from now instead of being judged from the session's start. An
            // anomaly already open stays open until a frame arrives.
            _trackers.LastFrameAt = clock.GetUtcNow();
        }
    }

    public async Task RecordSignalAsync(BrowserSignal signal)
    {
        if (!_signals.TryTake(clock.GetUtcNow()))
        {
            throw new ProctorWiseException(ErrorKind.TooManyRequests, "Too many browser events; slow down.");
        }

        if (signal.Sequence <= State.Proctoring.LastSignalSequence)
        {
            return;
        }

        State.Proctoring.LastSignalSequence = signal.Sequence;
        feed.SeenNow();
        await ApplyAsync(Rules().OnSignal(signal.Type, clock.GetUtcNow(), signal.ClientTime), jpeg: null);
    }

    public FrameDecision AdmitFrame(FrameThumbnail? thumbnail = null)
    {
        var now = clock.GetUtcNow();
        if (_lastFrameAdmittedAt is { } last && now - last < ProctoringLimits.MinFrameInterval)
        {
            throw new ProctorWiseException(ErrorKind.TooManyRequests, "Frames must be at least one second apart.");
        }

        _lastFrameAdmittedAt = now;
        return _skip.Admit(thumbnail, now, FrameSkipPolicy.ConditionPending(_trackers, State.Proctoring));
    }

    /// <summary>The student's browser was heard from (an answer counts).</summary>
    public void SeenNow() => feed.SeenNow();

    public async Task RecordFrameAsync(FrameAnalysis analysis, byte[] jpeg)
    {
        _skip.Recorded(analysis, clock.GetUtcNow());
        feed.SeenNow();
        await ApplyAsync(Rules().OnFrame(analysis, clock.GetUtcNow()), jpeg);
    }

    /// <summary>The periodic check, which also writes the updates that waited for it.</summary>
    public async Task TickAsync()
    {
        await ApplyAsync(Rules().OnTick(clock.GetUtcNow(), State.StartedAt), jpeg: null);
        if (Dirty)
        {
            await outbox.CommitAsync();
            Dirty = false;
        }
    }

    /// <summary>The session ended: open anomalies end with it, and every anomaly's final figures become facts.</summary>
    public void End(DateTimeOffset endedAt)
    {
        Rules().OnEnd(endedAt);
        foreach (var anomaly in State.Proctoring.Anomalies)
        {
            outbox.Add(SessionEvents.Namespace, sessionId, SessionEvents.Closed(sessionId, Start, anomaly, endedAt));
        }
    }

    public IReadOnlyList<AnomalyView> Anomalies() =>
        [.. Enumerable.Reverse(State.Proctoring.Anomalies).Select(a => a.ToView(sessionId, evidence.IsKept(a)))];

    public async Task<Evidence?> ReadEvidenceAsync(string anomalyId) =>
        State.Proctoring.Anomalies.Find(a => a.Id == anomalyId) is { } anomaly ? await evidence.ReadAsync(anomaly) : null;

    public Task NotifyStudentAsync(StudentMessage message) => fanout.SendAsync(observer => observer.OnStudentMessageAsync(sessionId, message));

    public Task PublishLiveAsync(bool force) => feed.PublishAsync(LiveView(), force);

    public SessionLiveView LiveView()
    {
        var start = Start;
        var proctoring = State.Proctoring;
        return new SessionLiveView(
            sessionId, start.SlotId, start.StudentId, start.StudentName, State.Status,
            new SortedDictionary<AnomalyType, int>(proctoring.Counters), RiskScore.Compute(proctoring.Anomalies, clock.GetUtcNow()),
            feed.LastSeenAt, start.Deadline, proctoring.Anomalies.Count(a => a.IsOpen), answered(), start.Exam.Questions.Count, State.Review);
    }

    private ProctoringRules Rules() => new(Start.Exam.Proctoring, State.Proctoring, _trackers, () => Guid.CreateVersion7().ToString("N"));

    private async Task ApplyAsync(IReadOnlyList<AnomalyChange> changes, byte[]? jpeg)
    {
        await evidence.KeepAsync(changes, State.Proctoring, jpeg);
        var now = clock.GetUtcNow();
        foreach (var opened in changes.Where(c => c.Kind == AnomalyChangeKind.Opened))
        {
            outbox.Add(SessionEvents.Namespace, sessionId, SessionEvents.Opened(sessionId, Start, opened.Anomaly, now));
        }

        if (changes.Any(c => c.Kind != AnomalyChangeKind.Updated))
        {
            await outbox.CommitAsync();
            Dirty = false;
        }
        else if (changes.Count > 0)
        {
            Dirty = true;
        }

        var live = LiveView();
        foreach (var a in changes.Where(c => c.Alerts).Select(c => c.Anomaly))
        {
            var start = Start;
            await feed.AlertAsync(new ProctorAlert(
                $"{a.Id}.{(int)a.Severity}", sessionId, start.SlotId, start.StudentId, start.StudentName, a.Id, a.Type, a.Severity, a.Reason,
                now, live.RiskScore, Acknowledged: false));
        }

        await feed.PublishAsync(live, force: false);
    }
}
