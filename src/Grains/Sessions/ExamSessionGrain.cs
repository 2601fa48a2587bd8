using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Grains.Proctoring;

namespace ProctorWise.Grains.Sessions;

/// <inheritdoc cref="IExamSessionGrain"/>
/// <remarks>
/// The grain wires the session's collaborators and hands each call to the one that owns it: who may call
/// (<see cref="SessionAccess"/>), the attempt's course from start to hand-over (<see cref="SessionLifecycle"/>),
/// the answers (<see cref="SessionAnswers"/>), what supervisors read and do (<see cref="SessionSupervision"/>)
/// and the live proctoring (<see cref="SessionProctoring"/>). The deadline is enforced three ways: every call
/// checks the clock first, a grain timer fires at the deadline while the grain is active, and a reminder
/// re-activates it if its silo went away. Facts (started, submitted, terminated, anomalies) go through the
/// <see cref="EventOutbox"/>.
/// </remarks>
public sealed class ExamSessionGrain(
    [PersistentState(StateNames.ExamSession, StorageNames.Default)] IPersistentState<ExamSessionState> session,
    [PersistentState(StateNames.SessionAnswers, StorageNames.Default)] IPersistentState<SessionAnswersState> answers,
    IOptions<ExamSessionOptions> options,
    IOptions<FrameSkipOptions> skipOptions,
    IEvidenceStore evidenceStore,
    EventOutboxFactory outboxes,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IExamSessionGrain, IRemindable
{
    private EventOutbox _outbox = null!;
    private SessionAccess _access = null!;
    private SessionAnswers _answers = null!;
    private SessionProctoring _proctoring = null!;
    private SessionDeadline _deadline = null!;
    private SessionLifecycle _lifecycle = null!;
    private SessionSupervision _supervision = null!;
    private readonly LatestFrame _latestFrame = new();

    private ExamSessionState State => session.State;

    private SessionStart Start => State.Start ?? throw ProctorWiseException.NotFound("Session");

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _access = new SessionAccess(() => State, GrainFactory);
        _answers = new SessionAnswers(answers, session, clock, () => _proctoring.SeenNow());
        await _answers.OnActivateAsync(cancellationToken);
        _outbox = outboxes.Create(this, () => State.Outbox, () => session.WriteStateAsync());
        var room = new Lazy<IAsyncStream<RoomEvent>>(() => this.GetStreamProvider(StreamProviders.Default).GetStream<RoomEvent>(StreamId.Create(StreamNamespaces.Alerts, Start.SlotId)));
        _proctoring = new SessionProctoring(
            Id, () => State, _outbox, new SessionLiveFeed(() => room.Value, clock), new EvidenceKeeper(Id, evidenceStore, options.Value, clock),
            new HubFanout(GrainFactory, clock), skipOptions.Value, clock, () => _answers.Count);
        _proctoring.OnActivate();
        _deadline = new SessionDeadline(this, () => Start.Deadline, options.Value, clock, () => _lifecycle.TickAsync());
        _lifecycle = new SessionLifecycle(Id, session, _answers, _outbox, _proctoring, _deadline, GrainFactory, clock);
        _supervision = new SessionSupervision(Id, session, _access, _lifecycle, _deadline, _proctoring, clock);
        if (State.Start is not null && State.Status == SessionStatus.InProgress)
        {
            _deadline.StartTimer();
        }

        await _outbox.OnActivateAsync();
    }

    /// <summary>Graceful deactivation (silo shutdown included) writes what the proctoring tick had not written yet.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_proctoring.Dirty && State.Start is not null)
        {
            await session.WriteStateAsync(cancellationToken);
            return;
        }

        await _outbox.OnDeactivateAsync();
    }

    public async Task<SessionView> StartAsync(SessionStart start)
    {
        await _lifecycle.StartAsync(start);
        return View();
    }

    public async Task<SessionView> GetAsync(Caller caller) => await TryGetStartedAsync(caller) ?? throw ProctorWiseException.NotFound("Session");

    public async Task<SessionView?> TryGetStartedAsync(Caller caller)
    {
        if (State.Start is not { } start)
        {
            return null;
        }

        await _lifecycle.ExpireIfDueAsync();
        return await _access.MayReadAsync(caller, start) ? View() : throw _access.Denied(caller);
    }

    public async Task<bool> SaveAnswerAsync(Caller caller, string questionId, AnswerValue answer, long sequence)
    {
        await EnsureRunningForStudentAsync(caller);
        return await _answers.SaveAsync(Start, questionId, answer, sequence);
    }

    public async Task<string> SubmitAsync(Caller caller)
    {
        _access.EnsureStudent(caller);
        return await _lifecycle.SubmitAsync();
    }

    public async Task RecordSignalAsync(Caller caller, BrowserSignal signal)
    {
        await EnsureRunningForStudentAsync(caller);
        await _proctoring.RecordSignalAsync(signal);
    }

    public async Task BeginFrameAsync(Caller caller)
    {
        await EnsureRunningForStudentAsync(caller);
        _proctoring.AdmitFrame();
    }

    public async Task<FrameDecision> AdmitFrameAsync(Caller caller, FrameThumbnail? thumbnail)
    {
        await EnsureRunningForStudentAsync(caller);
        return _proctoring.AdmitFrame(thumbnail);
    }

    public async Task RecordFrameAsync(Caller caller, FrameAnalysis analysis, byte[] jpeg)
    {
        await EnsureRunningForStudentAsync(caller);
        _latestFrame.Keep(jpeg, clock.GetUtcNow()); // the camera tile shows every received frame, analysed or skipped
        await _proctoring.RecordFrameAsync(analysis, jpeg);
    }

    public Task<IReadOnlyList<AnomalyView>> GetAnomaliesAsync(Caller caller) => _supervision.GetAnomaliesAsync(caller);

    public Task<Evidence> GetEvidenceAsync(Caller caller, string anomalyId) => _supervision.GetEvidenceAsync(caller, anomalyId);

    public Task<SessionSupervisionRecord> GetSupervisionRecordAsync(Caller caller) => _supervision.GetRecordAsync(caller);

    public Task WarnAsync(Caller caller, string message) => _supervision.WarnAsync(caller, message);

    public Task<string> TerminateAsync(Caller caller, string reason) => _supervision.TerminateAsync(caller, reason);

    public async Task<SessionView> ExtendAsync(Caller caller, int minutes)
    {
        await _supervision.ExtendAsync(caller, minutes);
        return View();
    }

    public Task<SessionReview> ReviewAsync(Caller caller, string note) => _supervision.ReviewAsync(caller, note);

    public async Task<LiveFrame?> GetLiveFrameAsync(Caller caller, DateTimeOffset? knownCapturedAt)
    {
        // Interleaves with every other call ([AlwaysInterleave]): past the check it only reads the status and the frame in memory.
        await _access.EnsureSupervisorAsync(caller, ownerAllowed: false);
        if (State.Status != SessionStatus.InProgress)
        {
            _latestFrame.Forget();
            return null;
        }

        return _latestFrame.Read(knownCapturedAt);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => _lifecycle.OnReminderAsync(reminderName);

    private async Task EnsureRunningForStudentAsync(Caller caller)
    {
        _access.EnsureStudent(caller);
        await _lifecycle.EnsureRunningAsync();
    }

    private SessionView View() => SessionViews.Full(Id, State, _answers.State);
}
