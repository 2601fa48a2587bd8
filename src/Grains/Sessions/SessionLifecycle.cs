using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// The course of one attempt, owned by its <see cref="ExamSessionGrain"/>: it starts once, expires at its
/// deadline (checked first by every call, by the <see cref="SessionDeadline"/> timer and by its reminder), and
/// ends once, handing the answers to grading, the booking and the slot. The start and end facts go through the
/// <see cref="EventOutbox"/> in the same write as the change.
/// </summary>
internal sealed class SessionLifecycle(
    string sessionId,
    IPersistentState<ExamSessionState> session,
    SessionAnswers answers,
    EventOutbox outbox,
    SessionProctoring proctoring,
    SessionDeadline deadline,
    IGrainFactory grains,
    TimeProvider clock)
{
    private ExamSessionState State => session.State;

    private SessionStart Start => State.Start ?? throw ProctorWiseException.NotFound("Session");

    /// <summary>Starts the attempt the first time; a repeat changes nothing.</summary>
    public async Task StartAsync(SessionStart start)
    {
        if (State.Start is null)
        {
            State.Start = start;
            State.Status = SessionStatus.InProgress;
            State.StartedAt = clock.GetUtcNow();
            State.QuestionOrder = [.. QuestionOrder.For(start.Exam.Questions, sessionId, start.Exam.Proctoring.ShuffleQuestions).Select(q => q.Id)];
            outbox.Add(SessionEvents.Namespace, sessionId, SessionEvents.Started(sessionId, State));
            await outbox.CommitAsync();
            await deadline.RegisterReminderAsync();
            deadline.StartTimer();
            await proctoring.PublishLiveAsync(force: true);
        }
    }

    /// <summary>The student's own calls need a running session (409 once it ended).</summary>
    public async Task EnsureRunningAsync()
    {
        await ExpireIfDueAsync();
        if (State.Status != SessionStatus.InProgress)
        {
            throw ProctorWiseException.Conflict(State.Status == SessionStatus.Expired ? "The deadline has passed." : "The session has ended.");
        }
    }

    public async Task ExpireIfDueAsync()
    {
        if (State.Status == SessionStatus.InProgress && clock.GetUtcNow() >= Start.Deadline)
        {
            await EndAsync(SessionStatus.Expired, Start.Deadline);
        }
    }

    /// <summary>Submits (idempotent: an ended session keeps its submission id).</summary>
    public async Task<string> SubmitAsync()
    {
        await ExpireIfDueAsync();
        await EndAsync(SessionStatus.Submitted, clock.GetUtcNow());
        return State.SubmissionId!;
    }

    /// <summary>An ended session: finishes a hand-over that failed before (nothing once it is recorded).</summary>
    public Task CompleteEndAsync() => EndAsync(State.Status, State.EndedAt ?? clock.GetUtcNow());

    /// <summary>
    /// Ends the session once (status, submission id and the facts written together), then hands the answers
    /// to grading; a retry (reminder, repeated call) finishes a hand-over that failed.
    /// </summary>
    public async Task EndAsync(SessionStatus status, DateTimeOffset endedAt, string? terminatedBy = null)
    {
        if (State.Status == SessionStatus.InProgress)
        {
            State.Status = status;
            State.EndedAt = endedAt;
            State.SubmissionId = Guid.CreateVersion7().ToString("N");
            proctoring.End(endedAt);
            if (terminatedBy is not null)
            {
                outbox.Add(SessionEvents.Namespace, sessionId, SessionEvents.Terminated(sessionId, State, terminatedBy));
            }

            outbox.Add(SessionEvents.Namespace, sessionId, SessionEvents.Submitted(sessionId, State, answers.Count, proctoring.LiveView().RiskScore));
            await outbox.CommitAsync();
            await proctoring.PublishLiveAsync(force: true);
        }

        if (State.SubmissionRecorded)
        {
            return;
        }

        var start = Start;
        await grains.GetGrain<ISubmissionGrain>(State.SubmissionId!).CreateAsync(SessionViews.Submission(sessionId, State, answers.State));
        State.SubmissionRecorded = true;
        await session.WriteStateAsync();
        await deadline.StopAsync();
        await grains.GetGrain<IStudentBookingsGrain>(start.StudentId).OnSessionEndedAsync(start.BookingId);
        await grains.GetGrain<IExamSlotGrain>(start.SlotId).MarkCompletedAsync(start.BookingId);
    }

    public async Task OnReminderAsync(string reminderName)
    {
        if (State.Start is null || reminderName != SessionDeadline.ReminderName)
        {
            // Also the retired per-session evidence reminder of older versions: retention is one sweep now.
            await deadline.UnregisterAsync(reminderName);
            return;
        }

        // Also retries recording a submission whose first attempt failed.
        await ExpireIfDueAsync();
        if (State.Status != SessionStatus.InProgress)
        {
            await CompleteEndAsync();
        }
    }

    /// <summary>The timer's tick: the deadline first, then the proctoring checks of a session still running.</summary>
    public async Task TickAsync()
    {
        await ExpireIfDueAsync();
        if (State.Status == SessionStatus.InProgress)
        {
            await proctoring.TickAsync();
        }
    }
}
