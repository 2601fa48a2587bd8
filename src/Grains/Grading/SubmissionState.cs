using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Grading;

namespace ProctorWise.Grains.Grading;

/// <summary>The persisted state of a <see cref="SubmissionGrain"/>.</summary>
[GenerateSerializer, Alias("pw.submission-state")]
public sealed class SubmissionState
{
    /// <summary>The answers and the server's key; null until created.</summary>
    [Id(0)] public SubmissionInput? Input { get; set; }

    /// <summary>Grades by question id.</summary>
    [Id(1)] public Dictionary<string, GradeEntry> Grades { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The grading status.</summary>
    [Id(2)] public SubmissionStatus Status { get; set; }

    /// <summary>When the result was published.</summary>
    [Id(3)] public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Facts saved with the changes they record, until their stream took them (the outbox).</summary>
    [Id(4)] public List<PendingEvent> Outbox { get; set; } = [];

    /// <summary>Grade changes made after publication, oldest first, at most <see cref="GradeChange.MaxKept"/>.</summary>
    [Id(5)] public List<GradeChange> Changes { get; set; } = [];
}
