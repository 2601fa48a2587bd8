using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Slots;

namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>One exam (key: exam id): definition with keys, status and slot list; single writer of all three.</summary>
[Alias("pw.IExamGrain")]
public interface IExamGrain : IGrainWithStringKey
{
    /// <summary>Creates the exam as a draft owned by the caller (teachers and admins).</summary>
    [Alias("Create")]
    Task<ExamView> CreateAsync(Caller caller, ExamDraft draft);

    /// <summary>The exam for this caller: with questions for its owner and admins, without for others.</summary>
    [Alias("Get")]
    Task<ExamView> GetAsync(Caller caller);

    /// <summary>Replaces the definition (owner); 409 once a session started.</summary>
    [Alias("Update")]
    Task<ExamView> UpdateAsync(Caller caller, ExamDraft draft);

    /// <summary>Publishes the exam (owner); 400 without questions.</summary>
    [Alias("Publish")]
    Task<ExamView> PublishAsync(Caller caller);

    /// <summary>Archives the exam (owner): hidden from students, slots closed, history kept.</summary>
    [Alias("Archive")]
    Task<ExamView> ArchiveAsync(Caller caller);

    /// <summary>Opens a slot (owner); its start must be in the future.</summary>
    [Alias("AddSlot")]
    Task<SlotView> AddSlotAsync(Caller caller, DateTimeOffset startsAt, int capacity);

    /// <summary>Deletes a slot (owner); 409 while it has bookings.</summary>
    [Alias("RemoveSlot")]
    Task RemoveSlotAsync(Caller caller, string slotId);

    /// <summary>The exam's slots, for anyone who may see the exam.</summary>
    [Alias("ListSlots")]
    Task<IReadOnlyList<SlotView>> ListSlotsAsync(Caller caller);

    /// <summary>Throws 404/403 unless the caller owns the exam or is an admin.</summary>
    [Alias("AuthorizeOwner")]
    Task AuthorizeOwnerAsync(Caller caller);

    /// <summary>
    /// Hands the definition to a starting session and locks it against edits; 409 unless published.
    /// </summary>
    [Alias("BeginSession")]
    Task<ExamDefinition> BeginSessionAsync();
}
