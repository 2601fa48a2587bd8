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
public sealed partial class ExamGrain(
    [PersistentState(StateNames.Exam, StorageNames.Default)] IPersistentState<ExamState> exam,
    EventOutboxFactory outboxes,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<ExamGrain> logger) : Grain, IExamGrain
{
    private readonly HashSet<string> _reportedUnreadableSlots = new(StringComparer.Ordinal);

    private EventOutbox _outbox = null!;

    private ExamState State => exam.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = outboxes.Create(this, () => State.Outbox, () => exam.WriteStateAsync());
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

    public async Task<SlotView> AddSlotAsync(Caller caller, DateTimeOffset startsAt, int capacity)
    {
        EnsureOwner(caller);
        if (State.Status == ExamStatus.Archived)
        {
            throw ProctorWiseException.Conflict("An archived exam cannot get new slots.");
        }

        // Before anything is saved: a slot that cannot be shown must never be recorded.
        ExamRules.CheckSlot(startsAt, capacity, clock.GetUtcNow());

        // The id is recorded before the slot exists so a failure leaves a dangling id (skipped when
        // listing), never a slot that its exam does not know.
        var slotId = Guid.CreateVersion7().ToString("N");
        State.SlotIds.Add(slotId);
        await exam.WriteStateAsync();
        return await GrainFactory.GetGrain<IExamSlotGrain>(slotId).InitializeAsync(SlotSetup(), startsAt.ToUniversalTime(), capacity);
    }

    public async Task RemoveSlotAsync(Caller caller, string slotId)
    {
        EnsureOwner(caller);
        if (!State.SlotIds.Contains(slotId))
        {
            throw ProctorWiseException.NotFound("Slot");
        }

        await GrainFactory.GetGrain<IExamSlotGrain>(slotId).RemoveAsync();
        State.SlotIds.Remove(slotId);
        await exam.WriteStateAsync();
    }

    public async Task<IReadOnlyList<SlotView>> ListSlotsAsync(Caller caller)
    {
        _ = await GetAsync(caller);
        var slots = await Task.WhenAll(State.SlotIds.Select(TryGetSlotAsync));
        return [.. slots.OfType<SlotView>().OrderBy(s => s.StartsAt)];
    }

    /// <summary>
    /// One slot's view, or null when its stored state cannot be shown (e.g. a start saved before the rules refused
    /// dates that overflow): that slot is left out rather than failing the list for everyone, and logged once per
    /// activation (a Warning, not one entry per listing). An unreachable cluster still fails the call, as a partial
    /// list would then look complete.
    /// </summary>
    private async Task<SlotView?> TryGetSlotAsync(string slotId)
    {
        try
        {
            return await GrainFactory.GetGrain<IExamSlotGrain>(slotId).GetAsync();
        }
        catch (Exception e) when (e is not (TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OperationCanceledException))
        {
            if (_reportedUnreadableSlots.Add(slotId))
            {
                LogUnreadableSlot(logger, e, this.GetPrimaryKeyString(), slotId);
            }

            return null;
        }
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
        var setup = SlotSetup();
        await Task.WhenAll(State.SlotIds.Select(id => GrainFactory.GetGrain<IExamSlotGrain>(id).UpdateExamAsync(setup)));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exam {ExamId}: slot {SlotId} could not be read and is left out of the list (logged once per activation)")]
    private static partial void LogUnreadableSlot(ILogger logger, Exception exception, string examId, string slotId);
}
