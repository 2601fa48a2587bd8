using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Grains.Grading;

/// <inheritdoc cref="ISubmissionGrain"/>
public sealed class SubmissionGrain(
    [PersistentState(StateNames.Submission, StorageNames.Default)] IPersistentState<SubmissionState> submission,
    EventOutboxFactory outboxes,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, ISubmissionGrain
{
    private EventOutbox _outbox = null!;

    public const string AutoGrader = "auto";
    public const int MaxFeedback = 5000;

    private SubmissionState State => submission.State;

    private SubmissionInput Input => State.Input ?? throw ProctorWiseException.NotFound("Submission");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => submission.WriteStateAsync());
        return _outbox.OnActivateAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _outbox.OnDeactivateAsync();

    public async Task<SubmissionView> CreateAsync(SubmissionInput input)
    {
        if (State.Input is null)
        {
            var now = clock.GetUtcNow();
            var answers = input.Answers.ToDictionary(a => a.QuestionId, a => a.Answer, StringComparer.Ordinal);
            foreach (var question in input.Exam.Questions)
            {
                var outcome = Grader.Grade(question, answers.GetValueOrDefault(question.Id));
                State.Grades[question.Id] = outcome.NeedsManualGrading
                    ? new GradeEntry()
                    : new GradeEntry { Score = outcome.Score, Correct = outcome.Correct, Feedback = outcome.Feedback, GradedBy = AutoGrader, GradedAt = now };
            }

            State.Input = input;
            State.Status = State.Grades.Values.Any(g => g.Score is null) ? SubmissionStatus.AwaitingManual : SubmissionStatus.AutoGraded;
            _outbox.Add(SubmissionEvents.Namespace, this.GetPrimaryKeyString(), SubmissionEvents.AutoGraded(this.GetPrimaryKeyString(), State, now));
            await _outbox.CommitAsync();
        }

        // Index writes are idempotent, so a retried creation repairs an index that missed the first one.
        var id = this.GetPrimaryKeyString();
        await Task.WhenAll(
            GrainFactory.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForExam(input.Exam.ExamId)).AddAsync(id),
            GrainFactory.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForStudent(input.StudentId)).AddAsync(id));
        return SubmissionViews.Build(id, State, full: true, staff: true);
    }

    public Task<SubmissionView> GetAsync(Caller caller)
    {
        var id = this.GetPrimaryKeyString();
        if (IsStaff(caller))
        {
            return Task.FromResult(SubmissionViews.Build(id, State, full: true, staff: true));
        }

        if (caller.Role == UserRole.Student && caller.UserId == Input.StudentId)
        {
            return Task.FromResult(SubmissionViews.Build(id, State, full: State.Status == SubmissionStatus.Published, staff: false));
        }

        throw caller.Role == UserRole.Student ? ProctorWiseException.NotFound("Submission") : ProctorWiseException.Forbidden("Only the exam's owner grades this submission.");
    }

    public Task<SubmissionView> GradeAsync(Caller caller, string questionId, decimal score, string? feedback) =>
        GradeAsync(caller, questionId, score, feedback, reason: null);

    public async Task<SubmissionView> GradeAsync(Caller caller, string questionId, decimal score, string? feedback, string? reason)
    {
        EnsureStaff(caller);
        var question = Input.Exam.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw ProctorWiseException.NotFound("Question");
        var errors = new ValidationErrors();
        errors.CheckRange("score", score, 0, question.Points);
        errors.CheckLength("feedback", feedback, MaxFeedback);
        errors.CheckLength("reason", reason, GradeChange.MaxReasonLength);
        errors.ThrowIfAny();

        var id = this.GetPrimaryKeyString();
        var text = string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim();
        var previous = State.Grades.GetValueOrDefault(questionId) ?? new GradeEntry();
        var published = State.Status == SubmissionStatus.Published;
        if (published && previous.Score == score && previous.Feedback == text)
        {
            // A retried or repeated save: the student's published result did not change, so there is nothing to record.
            return SubmissionViews.Build(id, State, full: true, staff: true);
        }

        // Read before anything changes: the grain does not interleave, and a failed read leaves the state as it was.
        var changedByName = published ? (await GrainFactory.GetGrain<IUserGrain>(caller.UserId).GetAsync())?.Name ?? caller.UserId : null;
        var (_, scoreBefore, _, percentBefore, _) = SubmissionEvents.Totals(State);
        var now = clock.GetUtcNow();
        var grade = State.Grades[questionId] = new GradeEntry
        {
            Score = score,
            Correct = question.Type == QuestionType.Essay ? null : score == question.Points,
            Feedback = text,
            GradedBy = caller.UserId,
            GradedAt = now,
        };
        if (!published)
        {
            State.Status = State.Grades.Values.Any(g => g.Score is null) ? SubmissionStatus.AwaitingManual : SubmissionStatus.Graded;
        }

        _outbox.Add(SubmissionEvents.Namespace, id, SubmissionEvents.ManuallyGraded(id, State, questionId, grade));
        if (published)
        {
            var (_, scoreAfter, _, percentAfter, _) = SubmissionEvents.Totals(State);
            var change = new GradeChange(
                now, caller.UserId, changedByName, questionId, previous.Score, score, previous.Feedback != text,
                scoreBefore, scoreAfter, percentBefore, percentAfter, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            State.Changes.Add(change);
            if (State.Changes.Count > GradeChange.MaxKept)
            {
                State.Changes.RemoveRange(0, State.Changes.Count - GradeChange.MaxKept);
            }

            _outbox.Add(SubmissionEvents.Namespace, id, SubmissionEvents.GradeChanged(id, State, change, caller.UserId, percentBefore >= Input.Exam.PassMarkPercent));
            _outbox.Add(SubmissionEvents.Namespace, id, SubmissionEvents.Republished(id, State, caller.UserId, change.ChangedAt));
        }

        await _outbox.CommitAsync();
        return SubmissionViews.Build(id, State, full: true, staff: true);
    }

    public async Task<SubmissionView> PublishAsync(Caller caller)
    {
        // An unknown id is a 404 before anything is touched: publishing must not leave a half-made state behind.
        _ = Input;
        EnsureStaff(caller);
        if (State.Status == SubmissionStatus.AwaitingManual)
        {
            throw ProctorWiseException.Conflict("Some answers still await manual grading.");
        }

        if (State.Status != SubmissionStatus.Published)
        {
            State.Status = SubmissionStatus.Published;
            State.PublishedAt = clock.GetUtcNow();
            _outbox.Add(SubmissionEvents.Namespace, this.GetPrimaryKeyString(), SubmissionEvents.Published(this.GetPrimaryKeyString(), State, caller.UserId));
            await _outbox.CommitAsync();
        }

        return SubmissionViews.Build(this.GetPrimaryKeyString(), State, full: true, staff: true);
    }

    private bool IsStaff(Caller caller) => caller.IsAdmin || caller.IsOwningTeacher(Input.Exam.OwnerId);

    private void EnsureStaff(Caller caller)
    {
        if (!IsStaff(caller))
        {
            throw caller.Role == UserRole.Student
                ? ProctorWiseException.NotFound("Submission")
                : ProctorWiseException.Forbidden("Only the exam's owner grades this submission.");
        }
    }
}
