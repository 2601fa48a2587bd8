using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Events;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Grains.Sessions;

/// <summary>The persisted state of an <see cref="ExamSessionGrain"/>.</summary>
[GenerateSerializer, Alias("pw.exam-session-state")]
public sealed class ExamSessionState
{
    /// <summary>What the session was started with (exam with keys, deadline); null until started.</summary>
    [Id(0)] public SessionStart? Start { get; set; }

    /// <summary>The status.</summary>
    [Id(1)] public SessionStatus Status { get; set; }

    /// <summary>When it started.</summary>
    [Id(2)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended.</summary>
    [Id(3)] public DateTimeOffset? EndedAt { get; set; }

    /// <summary>
    /// Answers saved before they got a record of their own (<see cref="SessionAnswersState"/>): moved there
    /// when such a session activates, then emptied. Kept so that rows written by that version still load.
    /// </summary>
    [Id(4)] public Dictionary<string, SavedAnswer> LegacyAnswers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The submission id, fixed when the session ends.</summary>
    [Id(5)] public string? SubmissionId { get; set; }

    /// <summary>True once the submission grain has the answers (the end is then complete).</summary>
    [Id(6)] public bool SubmissionRecorded { get; set; }

    /// <summary>The order in which this student receives the questions.</summary>
    [Id(7)] public List<string> QuestionOrder { get; set; } = [];

    /// <summary>Anomalies and counters of the live proctoring.</summary>
    [Id(8)] public ProctoringState Proctoring { get; set; } = new();

    /// <summary>Why a proctor ended the session, when one did.</summary>
    [Id(9)] public string? EndReason { get; set; }

    /// <summary>Facts saved with the changes they record, until their stream took them (the outbox).</summary>
    [Id(10)] public List<PendingEvent> Outbox { get; set; } = [];

    /// <summary>The latest "reviewed" mark a supervisor set, with its note.</summary>
    [Id(11)] public SessionReview? Review { get; set; }

    /// <summary>
    /// What supervisors did here (warnings, termination, reviews, extra time), oldest first. Sessions saved before
    /// this log existed have only the warning counter and the end reason.
    /// </summary>
    [Id(12)] public List<SupervisorAction> Actions { get; set; } = [];
}
