using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Exams;

/// <inheritdoc cref="IExamGrain"/>
/// <remarks>The exam's content and lifetime live here; its list of slots is <see cref="ExamSlots"/>.</remarks>
public sealed class ExamGrain(
    [PersistentState(StateNames.Exam, StorageNames.Default)] IPersistentState<ExamState> exam,
    EventOutboxFactory outboxes,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<ExamGrain> logger) : Grain, IExamGrain
{
    private EventOutbox _outbox = null!;
    private ExamSlots _slots = null!;

    private ExamState State => exam.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => exam.WriteStateAsync());
        _slots = new ExamSlots(this.GetPrimaryKeyString(), exam, GrainFactory, SlotSetup, clock, logger);
        return _outbox.OnActivateAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _outbox.OnDeactivateAsync();

    private ExamDraft Draft => State.Draft ?? throw ProctorWiseException.NotFound("Exam");

    public async Task<ExamView> CreateAsync(Caller caller, ExamDraft draft)
    {
        if (caller.Role is not (UserRole.Teacher or UserRole.Admin))
        {
            throw ProctorWiseException.Forbidden("Only teachers create exams.");
        }

        if (State.Draft is not null)
        {
            throw ProctorWiseException.Conflict("This exam already exists.");
        }

        State.Draft = ExamRules.Normalize(draft, NewQuestionId);
        State.OwnerId = caller.UserId;
        State.Status = ExamStatus.Draft;
        State.CreatedAt = State.UpdatedAt = clock.GetUtcNow();
        await SaveAsync();
        return View(withQuestions: true);
    }

    public Task<ExamView> GetAsync(Caller caller)
    {
        var owner = IsOwner(caller);
        if (!owner && State.Status != ExamStatus.Published)
        {
            throw ProctorWiseException.NotFound("Exam");
        }

        return Task.FromResult(owner ? View(withQuestions: true) : View(withQuestions: false).WithoutStaffDetails());
    }

    public async Task<ExamView> UpdateAsync(Caller caller, ExamDraft draft)
    {
        EnsureOwner(caller);
        if (State.Locked)
        {
            throw ProctorWiseException.Conflict("A session of this exam has started: it can no longer be edited.");
        }

        if (State.Status == ExamStatus.Archived)
        {
            throw ProctorWiseException.Conflict("An archived exam cannot be edited.");
        }

        State.Draft = ExamRules.Normalize(draft, NewQuestionId);
        await SaveAsync();
        return View(withQuestions: true);
    }

    public async Task<ExamView> PublishAsync(Caller caller)
    {
        EnsureOwner(caller);
        if (State.Status == ExamStatus.Archived)
        {
            throw ProctorWiseException.Conflict("An archived exam cannot be published.");
        }

        if (Draft.Questions.Count == 0)
        {
            throw ProctorWiseException.Invalid("questions", "An exam needs at least one question to be published.");
        }

        if (State.Status != ExamStatus.Published)
        {
            var d = Draft;
            State.Status = ExamStatus.Published;
            _outbox.Add(StreamNamespaces.Exams, this.GetPrimaryKeyString(), new ExamPublished(
                Guid.CreateVersion7(), clock.GetUtcNow(), this.GetPrimaryKeyString(), State.OwnerId, d.Title, d.Questions.Count,
                d.Questions.Sum(q => q.Points), d.DurationMinutes, d.PassMarkPercent));
        }

        await SaveAsync();
        return View(withQuestions: true);
    }

    public async Task<ExamView> ArchiveAsync(Caller caller)
    {
        EnsureOwner(caller);
        if (State.Status != ExamStatus.Archived)
        {
            State.Status = ExamStatus.Archived;
            _outbox.Add(StreamNamespaces.Exams, this.GetPrimaryKeyString(), new ExamArchived(Guid.CreateVersion7(), clock.GetUtcNow(), this.GetPrimaryKeyString(), State.OwnerId, Draft.Title));
        }

        await SaveAsync();
        return View(withQuestions: true);
    }

    public Task<SlotView> AddSlotAsync(Caller caller, DateTimeOffset startsAt, int capacity)
    {
        EnsureOwner(caller);
        return _slots.AddAsync(startsAt, capacity);
    }

    public Task RemoveSlotAsync(Caller caller, string slotId)
    {
        EnsureOwner(caller);
        return _slots.RemoveAsync(slotId);
    }

    public async Task<IReadOnlyList<SlotView>> ListSlotsAsync(Caller caller)
    {
        _ = await GetAsync(caller);
        return await _slots.ListAsync();
    }

    public Task AuthorizeOwnerAsync(Caller caller)
    {
        EnsureOwner(caller);
        return Task.CompletedTask;
    }

    public async Task<ExamDefinition> BeginSessionAsync()
    {
        if (State.Status != ExamStatus.Published)
        {
            throw ProctorWiseException.Conflict("This exam is not available.");
        }

        if (!State.Locked)
        {
            State.Locked = true;
            await SaveAsync();
        }

        var d = Draft;
        return new ExamDefinition(this.GetPrimaryKeyString(), State.OwnerId, d.Title, d.DurationMinutes, d.PassMarkPercent, d.Questions, d.Proctoring ?? ProctoringPolicy.Default);
    }

    private bool IsOwner(Caller caller)
    {
        if (State.Draft is null)
        {
            throw ProctorWiseException.NotFound("Exam");
        }

        return caller.IsAdmin || caller.IsOwningTeacher(State.OwnerId);
    }

    private void EnsureOwner(Caller caller)
    {
        if (!IsOwner(caller))
        {
            // Someone else's draft is not even acknowledged; a published exam is visible, so say "forbidden".
            throw State.Status == ExamStatus.Published
                ? ProctorWiseException.Forbidden("Only the exam's owner may change it.")
                : ProctorWiseException.NotFound("Exam");
        }
    }

    /// <summary>Writes the state, then tells the catalogue and the slots what changed.</summary>
    private async Task SaveAsync()
    {
        State.UpdatedAt = clock.GetUtcNow();
        await _outbox.CommitAsync();
        await _slots.NotifyAsync();
        await GrainFactory.GetGrain<IExamCatalogGrain>(SingletonKeys.Default).UpsertAsync(View(withQuestions: false));
    }

    private SlotSetup SlotSetup() =>
        new(this.GetPrimaryKeyString(), State.OwnerId, Draft.Title, Draft.DurationMinutes, State.Status == ExamStatus.Published);

    private ExamView View(bool withQuestions)
    {
        var d = Draft;
        return new ExamView(
            this.GetPrimaryKeyString(), State.OwnerId, d.Title, d.Description, d.DurationMinutes, d.PassMarkPercent,
            State.Status, d.Proctoring ?? ProctoringPolicy.Default, d.Questions.Count, d.Questions.Sum(q => q.Points),
            State.CreatedAt, State.UpdatedAt, State.Locked, withQuestions ? d.Questions : null, ExamMonitoring.Of(d.Proctoring));
    }

    private static string NewQuestionId() => "q" + Guid.NewGuid().ToString("N")[..12];
}
