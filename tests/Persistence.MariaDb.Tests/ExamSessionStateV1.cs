using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Sessions;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// The shape <see cref="ExamSessionState"/> had before live proctoring added <c>[Id(8)] Proctoring</c>:
/// rows written by that version must still load.
/// </summary>
[GenerateSerializer, Alias("pw.tests.exam-session-state-v1")]
public sealed class ExamSessionStateV1
{
    [Id(0)] public SessionStart? Start { get; set; }

    [Id(1)] public SessionStatus Status { get; set; }

    [Id(2)] public DateTimeOffset StartedAt { get; set; }

    [Id(3)] public DateTimeOffset? EndedAt { get; set; }

    [Id(4)] public Dictionary<string, SavedAnswer> Answers { get; set; } = [];

    [Id(5)] public string? SubmissionId { get; set; }

    [Id(6)] public bool SubmissionRecorded { get; set; }

    [Id(7)] public List<string> QuestionOrder { get; set; } = [];
}
