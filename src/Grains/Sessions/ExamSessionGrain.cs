using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Sessions;

/// <inheritdoc cref="IExamSessionGrain"/>
/// <remarks>
/// This file holds the attempt (start, answers, deadline, submission); ExamSessionGrain.Proctoring.cs
/// holds the live proctoring. The deadline is enforced three ways: every call checks the clock first,
/// a grain timer fires at the deadline while the grain is active, and a reminder re-activates it if
/// its silo went away.
/// </remarks>
public sealed partial class ExamSessionGrain(
    [PersistentState(StateNames.ExamSession, StorageNames.Default)] IPersistentState<ExamSessionState> session,
    IOptions<ExamSessionOptions> options,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IExamSessionGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";
    private IGrainTimer? _timer;

    private ExamSessionState State => session.State;

    private SessionStart Start => State.Start ?? throw ProctorWiseException.NotFound("Session");

    /// <summary>Graceful deactivation (silo shutdown included) writes what the proctoring tick had not written yet.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_proctoringDirty && State.Start is not null)
        {
            _proctoringDirty = false;
            await session.WriteStateAsync(cancellationToken);
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ActivateProctoring();
        if (State.Start is not null && State.Status == SessionStatus.InProgress)
        {
            ScheduleTimer();
        }

        return Task.CompletedTask;
    }

    public async Task<SessionView> StartAsync(SessionStart start)
    {
        if (State.Start is null)
        {
            State.Start = start;
            State.Status = SessionStatus.InProgress;
            State.StartedAt = clock.GetUtcNow();
            State.QuestionOrder = [.. QuestionOrder.For(start.Exam.Questions, this.GetPrimaryKeyString(), start.Exam.Proctoring.ShuffleQuestions).Select(q => q.Id)];
            await session.WriteStateAsync();
            await RegisterDeadlineReminderAsync();
            ScheduleTimer();
            await PublishLiveAsync(force: true);
        }

        return SessionViews.Full(this.GetPrimaryKeyString(), State);
    }

    public async Task<SessionView> GetAsync(Caller caller) =>
        await TryGetStartedAsync(caller) ?? throw ProctorWiseException.NotFound("Session");

    public async Task<SessionView?> TryGetStartedAsync(Caller caller)
    {
        if (State.Start is not { } start)
        {
            return null;
        }

        await ExpireIfDueAsync();
        var allowed = (caller.Role == UserRole.Student && caller.UserId == start.StudentId) || await IsSupervisorAsync(caller, ownerAllowed: true);
        return allowed ? SessionViews.Full(this.GetPrimaryKeyString(), State) : throw Denied(caller);
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
        SeenNow();
        if (State.Answers.TryGetValue(questionId, out var saved) && saved.Sequence >= sequence)
        {
            return false;
        }

        State.Answers[questionId] = new SavedAnswer { Answer = canonical, Sequence = sequence, SavedAt = clock.GetUtcNow() };
        await session.WriteStateAsync();
        return true;
    }

    public async Task<string> SubmitAsync(Caller caller)
    {
        EnsureStudent(caller);
        await ExpireIfDueAsync();
        await EndAsync(SessionStatus.Submitted, clock.GetUtcNow());
        return State.SubmissionId!;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == EvidenceReminder)
        {
            await DeleteEvidenceAsync();
            return;
        }

        if (State.Start is null)
        {
            await UnregisterReminderAsync(DeadlineReminder);
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

    /// <summary>Ends the session once (status and submission id written first), then hands the answers to grading.</summary>
    private async Task EndAsync(SessionStatus status, DateTimeOffset endedAt)
    {
        if (State.Status == SessionStatus.InProgress)
        {
            State.Status = status;
            State.EndedAt = endedAt;
            State.SubmissionId = Guid.CreateVersion7().ToString("N");
            CloseAnomalies(endedAt);
            await session.WriteStateAsync();
            await PublishLiveAsync(force: true);
            await ScheduleEvidenceRetentionAsync();
        }

        if (State.SubmissionRecorded)
        {
            return;
        }

        var start = Start;
        await GrainFactory.GetGrain<ISubmissionGrain>(State.SubmissionId!).CreateAsync(SessionViews.Submission(this.GetPrimaryKeyString(), State));
        State.SubmissionRecorded = true;
        await session.WriteStateAsync();
        _timer?.Dispose();
        _timer = null;
        await UnregisterReminderAsync(DeadlineReminder);
        await GrainFactory.GetGrain<IStudentBookingsGrain>(start.StudentId).OnSessionEndedAsync(start.BookingId);
        await GrainFactory.GetGrain<IExamSlotGrain>(start.SlotId).MarkCompletedAsync(start.BookingId);
    }

    /// <summary>
    /// The reminder ticks every period from the start and each tick checks the deadline (so a changed
    /// deadline needs no new registration, and a session whose silo died is submitted within a period).
    /// </summary>
    private async Task RegisterDeadlineReminderAsync()
    {
        var period = options.Value.DeadlineReminderPeriod;
        await this.RegisterOrUpdateReminder(DeadlineReminder, Min(period, Max(Start.Deadline - clock.GetUtcNow(), TimeSpan.FromSeconds(1))), period);
    }

    private void ScheduleTimer()
    {
        var tick = options.Value.TickInterval;
        _timer ??= this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions(NextDue(), tick) { KeepAlive = true });
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        await ExpireIfDueAsync();
        if (State.Status == SessionStatus.InProgress)
        {
            await ProctoringTickAsync();
            _timer?.Change(NextDue(), options.Value.TickInterval);
        }
    }

    /// <summary>The next tick: at the deadline if it comes before the regular interval.</summary>
    private TimeSpan NextDue()
    {
        var remaining = Start.Deadline - clock.GetUtcNow();
        var tick = options.Value.TickInterval;
        return remaining < tick ? Max(remaining, TimeSpan.Zero) : tick;
    }

    private async Task UnregisterReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
