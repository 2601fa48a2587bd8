using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;
using ProctorWise.Grains.Proctoring;

namespace ProctorWise.Grains.Sessions;

/// <inheritdoc cref="IExamSessionGrain"/>
/// <remarks>
/// The attempt (start, answers, deadline, submission, supervisor actions) lives here; the live proctoring is
/// its <see cref="SessionProctoring"/>. The deadline is enforced three ways: every call checks the clock first,
/// a grain timer fires at the deadline while the grain is active, and a reminder re-activates it if its silo
/// went away. Facts (started, submitted, terminated, anomalies) go through the <see cref="EventOutbox"/>.
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
    private SessionDeadline _deadline = null!;
    private SessionProctoring _proctoring = null!;
    private RequestBudget _answerSaves = null!;
    private readonly LatestFrame _latestFrame = new();

    private ExamSessionState State => session.State;

    private SessionStart Start => State.Start ?? throw ProctorWiseException.NotFound("Session");

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await AttachAnswersAsync(cancellationToken);
        _answerSaves = RequestBudget.ForAnswers(clock.GetUtcNow());
        _outbox = outboxes.Create(this, () => State.Outbox, () => session.WriteStateAsync());
        var room = new Lazy<IAsyncStream<RoomEvent>>(() => this.GetStreamProvider(StreamProviders.Default).GetStream<RoomEvent>(StreamId.Create(StreamNamespaces.Alerts, Start.SlotId)));
        _proctoring = new SessionProctoring(
            Id, () => State, _outbox, new SessionLiveFeed(() => room.Value, clock), new EvidenceKeeper(Id, evidenceStore, options.Value, clock),
            new HubFanout(GrainFactory, clock), skipOptions.Value, clock, () => answers.State.Answers.Count);
        _proctoring.OnActivate();
        _deadline = new SessionDeadline(this, () => Start.Deadline, options.Value, clock, OnTickAsync);
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
        if (State.Start is null)
        {
            State.Start = start;
            State.Status = SessionStatus.InProgress;
            State.StartedAt = clock.GetUtcNow();
            State.QuestionOrder = [.. QuestionOrder.For(start.Exam.Questions, Id, start.Exam.Proctoring.ShuffleQuestions).Select(q => q.Id)];
            _outbox.Add(SessionEvents.Namespace, Id, SessionEvents.Started(Id, State));
            await _outbox.CommitAsync();
            await _deadline.RegisterReminderAsync();
            _deadline.StartTimer();
            await _proctoring.PublishLiveAsync(force: true);
        }

        return SessionViews.Full(Id, State, answers.State);
    }

    public async Task<SessionView> GetAsync(Caller caller) => await TryGetStartedAsync(caller) ?? throw ProctorWiseException.NotFound("Session");

    public async Task<SessionView?> TryGetStartedAsync(Caller caller)
    {
        if (State.Start is not { } start)
        {
            return null;
        }

        await ExpireIfDueAsync();
        var allowed = (caller.Role == UserRole.Student && caller.UserId == start.StudentId) || await SupervisionPolicy.MaySuperviseAsync(GrainFactory, caller, start, ownerAllowed: true);
        return allowed ? SessionViews.Full(Id, State, answers.State) : throw Denied(caller);
    }

    public async Task<bool> SaveAnswerAsync(Caller caller, string questionId, AnswerValue answer, long sequence)
    {
        await EnsureRunningForStudentAsync(caller);
        var question = Start.Exam.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw ProctorWiseException.NotFound("Question");
        if (sequence < 0)
        {
            throw ProctorWiseException.Invalid("seq", "Must be zero or more.");
        }

        var canonical = AnswerRules.Check(question, answer);
        if (!_answerSaves.TryTake(clock.GetUtcNow()))
        {
            throw new ProctorWiseException(ErrorKind.TooManyRequests, "Answers are saved too often; slow down.");
        }

        _proctoring.SeenNow();
        if (answers.State.Answers.TryGetValue(questionId, out var saved) && saved.Sequence >= sequence)
        {
            return false;
        }

        answers.State.Answers[questionId] = new SavedAnswer { Answer = canonical, Sequence = sequence, SavedAt = clock.GetUtcNow() };
        await answers.WriteStateAsync();
        return true;
    }

    /// <summary>
    /// Moves the answers a former version kept inside the session record to the answers record
    /// (answers first, so a failure between the two writes leaves them in both places, never in neither).
    /// </summary>
    private async Task AttachAnswersAsync(CancellationToken cancellationToken)
    {
        if (State.LegacyAnswers.Count > 0)
        {
            foreach (var (questionId, saved) in State.LegacyAnswers)
            {
                answers.State.Answers.TryAdd(questionId, saved);
            }

            await answers.WriteStateAsync(cancellationToken);
            State.LegacyAnswers.Clear();
            await session.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<string> SubmitAsync(Caller caller)
    {
        EnsureStudent(caller);
        await ExpireIfDueAsync();
        await EndAsync(SessionStatus.Submitted, clock.GetUtcNow());
        return State.SubmissionId!;
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

    public async Task<IReadOnlyList<AnomalyView>> GetAnomaliesAsync(Caller caller)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: true);
        return _proctoring.Anomalies();
    }

    public async Task<Evidence> GetEvidenceAsync(Caller caller, string anomalyId)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: true);
        return await _proctoring.ReadEvidenceAsync(anomalyId) ?? throw ProctorWiseException.NotFound("Evidence");
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
        SupervisionLog.Add(State, SupervisorActionKind.Warning, caller, text, clock.GetUtcNow());
        await session.WriteStateAsync();
        await _proctoring.NotifyStudentAsync(new StudentMessage(StudentMessageKind.Warning, text, clock.GetUtcNow(), null));
    }

    public async Task<string> TerminateAsync(Caller caller, string reason)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: false);
        var text = CheckText("reason", reason);
        await ExpireIfDueAsync();
        if (State.Status == SessionStatus.InProgress)
        {
            State.EndReason = text;
            var endedAt = clock.GetUtcNow();
            SupervisionLog.Add(State, SupervisorActionKind.Termination, caller, text, endedAt);
            await EndAsync(SessionStatus.Terminated, endedAt, terminatedBy: caller.UserId);
            await _proctoring.NotifyStudentAsync(new StudentMessage(StudentMessageKind.Terminated, text, clock.GetUtcNow(), null));
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
        if (minutes is < ProctoringLimits.MinExtensionMinutes or > ProctoringLimits.MaxExtensionMinutes)
        {
            throw ProctorWiseException.Invalid("minutes", $"Must be between {ProctoringLimits.MinExtensionMinutes} and {ProctoringLimits.MaxExtensionMinutes}.");
        }

        await ExpireIfDueAsync();
        if (State.Status != SessionStatus.InProgress)
        {
            throw ProctorWiseException.Conflict("The session has ended.");
        }

        State.Start = Start with { Deadline = Start.Deadline.AddMinutes(minutes) };
        SupervisionLog.Add(State, SupervisorActionKind.Extension, caller, $"+{minutes} min", clock.GetUtcNow());
        await session.WriteStateAsync();
        _deadline.Moved();
        await _proctoring.PublishLiveAsync(force: true);
        await _proctoring.NotifyStudentAsync(new StudentMessage(StudentMessageKind.DeadlineChanged, null, clock.GetUtcNow(), Start.Deadline));
        return SessionViews.Full(Id, State, answers.State);
    }

    public async Task<LiveFrame?> GetLiveFrameAsync(Caller caller, DateTimeOffset? knownCapturedAt)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: false);
        if (State.Status != SessionStatus.InProgress)
        {
            _latestFrame.Forget();
            return null;
        }

        return _latestFrame.Read(knownCapturedAt);
    }

    public async Task<SessionReview> ReviewAsync(Caller caller, string note)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: false);
        State.Review = new SessionReview(CheckText("note", note), caller.UserId, clock.GetUtcNow());
        SupervisionLog.Add(State, SupervisorActionKind.Review, caller, State.Review.Note, State.Review.ReviewedAt);
        await session.WriteStateAsync();
        await _proctoring.PublishLiveAsync(force: true);
        return State.Review;
    }

    public async Task<SessionSupervisionRecord> GetSupervisionRecordAsync(Caller caller)
    {
        await EnsureSupervisorAsync(caller, ownerAllowed: true);
        await ExpireIfDueAsync();
        return SupervisionLog.Read(Id, State, [.. Enumerable.Reverse(_proctoring.Anomalies())], clock.GetUtcNow());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Start is null || reminderName != SessionDeadline.ReminderName)
        {
            // Also the retired per-session evidence reminder of older versions: retention is one sweep now.
            await _deadline.UnregisterAsync(reminderName);
            return;
        }

        // Also retries recording a submission whose first attempt failed.
        await ExpireIfDueAsync();
        if (State.Status != SessionStatus.InProgress)
        {
            await EndAsync(State.Status, State.EndedAt ?? clock.GetUtcNow());
        }
    }

    private async Task EnsureRunningForStudentAsync(Caller caller)
    {
        EnsureStudent(caller);
        await ExpireIfDueAsync();
        if (State.Status != SessionStatus.InProgress)
        {
            throw ProctorWiseException.Conflict(State.Status == SessionStatus.Expired ? "The deadline has passed." : "The session has ended.");
        }
    }

    private async Task ExpireIfDueAsync()
    {
        if (State.Status == SessionStatus.InProgress && clock.GetUtcNow() >= Start.Deadline)
        {
            await EndAsync(SessionStatus.Expired, Start.Deadline);
        }
    }

    /// <summary>
    /// Ends the session once (status, submission id and the facts written together), then hands the answers
    /// to grading; a retry (reminder, repeated call) finishes a hand-over that failed.
    /// </summary>
    private async Task EndAsync(SessionStatus status, DateTimeOffset endedAt, string? terminatedBy = null)
    {
        if (State.Status == SessionStatus.InProgress)
        {
            State.Status = status;
            State.EndedAt = endedAt;
            State.SubmissionId = Guid.CreateVersion7().ToString("N");
            _proctoring.End(endedAt);
            if (terminatedBy is not null)
            {
                _outbox.Add(SessionEvents.Namespace, Id, SessionEvents.Terminated(Id, State, terminatedBy));
            }

            _outbox.Add(SessionEvents.Namespace, Id, SessionEvents.Submitted(Id, State, answers.State.Answers.Count, _proctoring.LiveView().RiskScore));
            await _outbox.CommitAsync();
            await _proctoring.PublishLiveAsync(force: true);
        }

        if (State.SubmissionRecorded)
        {
            return;
        }

        var start = Start;
        await GrainFactory.GetGrain<ISubmissionGrain>(State.SubmissionId!).CreateAsync(SessionViews.Submission(Id, State, answers.State));
        State.SubmissionRecorded = true;
        await session.WriteStateAsync();
        await _deadline.StopAsync();
        await GrainFactory.GetGrain<IStudentBookingsGrain>(start.StudentId).OnSessionEndedAsync(start.BookingId);
        await GrainFactory.GetGrain<IExamSlotGrain>(start.SlotId).MarkCompletedAsync(start.BookingId);
    }

    private async Task OnTickAsync()
    {
        await ExpireIfDueAsync();
        if (State.Status == SessionStatus.InProgress)
        {
            await _proctoring.TickAsync();
        }
    }

    private async Task EnsureSupervisorAsync(Caller caller, bool ownerAllowed)
    {
        if (!await SupervisionPolicy.MaySuperviseAsync(GrainFactory, caller, Start, ownerAllowed))
        {
            throw Denied(caller);
        }
    }

    private void EnsureStudent(Caller caller)
    {
        if (caller.Role != UserRole.Student || caller.UserId != Start.StudentId)
        {
            throw Denied(caller);
        }
    }

    /// <summary>
    /// Students are not told that another student's session exists; the session's own student (who
    /// knows it) and staff get a plain refusal.
    /// </summary>
    private ProctorWiseException Denied(Caller caller) => caller.Role == UserRole.Student && State.Start?.StudentId != caller.UserId
        ? ProctorWiseException.NotFound("Session")
        : ProctorWiseException.Forbidden("This session is not yours to act on.");

    private static string CheckText(string field, string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw ProctorWiseException.Invalid(field, "Required.");
        }

        if (!TextRules.IsClean(trimmed))
        {
            throw ProctorWiseException.Invalid(field, TextRules.ControlCharacterMessage);
        }

        return trimmed.Length <= ProctoringLimits.MaxTextLength ? trimmed : throw ProctorWiseException.Invalid(field, $"At most {ProctoringLimits.MaxTextLength} characters.");
    }
}
