using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Exams;

namespace ProctorWise.Grains.Exams;

/// <summary>The persisted state of an <see cref="ExamGrain"/>.</summary>
[GenerateSerializer, Alias("pw.exam-state")]
public sealed class ExamState
{
    /// <summary>The owner (teacher or admin who created it).</summary>
    [Id(0)] public string OwnerId { get; set; } = string.Empty;

    /// <summary>The current definition (validated).</summary>
    [Id(1)] public ExamDraft? Draft { get; set; }

    /// <summary>Draft, published or archived.</summary>
    [Id(2)] public ExamStatus Status { get; set; }

    /// <summary>Creation time.</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change.</summary>
    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>True once a session started: the definition is frozen.</summary>
    [Id(5)] public bool Locked { get; set; }

    /// <summary>The slots, in creation order.</summary>
    [Id(6)] public List<string> SlotIds { get; set; } = [];

    /// <summary>Facts saved with the changes they record, until their stream took them (the outbox).</summary>
    [Id(7)] public List<PendingEvent> Outbox { get; set; } = [];
}
