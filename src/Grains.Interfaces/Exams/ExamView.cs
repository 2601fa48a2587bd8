namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>An exam as the API shows it; <see cref="Questions"/> (with keys) only for its owner and admins.</summary>
/// <param name="Id">The exam id.</param>
/// <param name="OwnerId">The teacher who owns it.</param>
/// <param name="Title">The title.</param>
/// <param name="Description">The description.</param>
/// <param name="DurationMinutes">The duration.</param>
/// <param name="PassMarkPercent">The pass mark.</param>
/// <param name="Status">Draft, published or archived.</param>
/// <param name="Proctoring">The proctoring policy with its thresholds: only for the owner and admins, null for others.</param>
/// <param name="QuestionCount">The number of questions.</param>
/// <param name="TotalPoints">The sum of the questions' points.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
/// <param name="Locked">True once a session started: the definition can no longer change.</param>
/// <param name="Questions">The questions with answer keys, or null for other callers.</param>
/// <param name="Monitoring">What is watched during a session, for everyone (null only in catalog entries stored before it existed).</param>
[GenerateSerializer, Immutable, Alias("pw.exam-view")]
public sealed record class ExamView(
    string Id,
    string OwnerId,
    string Title,
    string? Description,
    int DurationMinutes,
    decimal PassMarkPercent,
    ExamStatus Status,
    ProctoringPolicy? Proctoring,
    int QuestionCount,
    decimal TotalPoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Locked,
    IReadOnlyList<QuestionDefinition>? Questions,
    ExamMonitoring? Monitoring)
{
    /// <summary>
    /// This view as a caller who is neither the owner nor an admin sees it: no questions, no thresholds,
    /// only what is monitored.
    /// </summary>
    public ExamView WithoutStaffDetails() => this with { Questions = null, Proctoring = null, Monitoring = Monitoring ?? ExamMonitoring.Of(Proctoring) };
}
