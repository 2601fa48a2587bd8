namespace ProctorWise.Analytics;

/// <summary>
/// The raw event types the jobs read, with their columns as the lake writes them (docs/events.md; a column per record
/// property in snake_case). The two <c>*_question</c> types are the flattened <c>questions</c> lists of
/// <c>submission_auto_graded</c> and <c>submission_published</c>: one row per question, several per event.
/// </summary>
public static class InputCatalog
{
    private static readonly IReadOnlyList<string> s_byEvent = ["event_id"];
    private static readonly IReadOnlyList<string> s_byEventAndQuestion = ["event_id", "question_id"];

    /// <summary><c>sessions/anomaly_opened</c>: an anomaly began.</summary>
    public static InputDefinition AnomalyOpened { get; } = new("sessions", "anomaly_opened",
    [
        S("event_id"), T("occurred_at"), S("anomaly_id"), S("session_id"), S("slot_id"), S("exam_id"), S("student_id"),
        S("teacher_id"), S("type"), S("severity"), D("confidence"), T("started_at"), S("reason"),
    ], s_byEvent);

    /// <summary><c>sessions/anomaly_closed</c>: an anomaly's final figures, when its session ended.</summary>
    public static InputDefinition AnomalyClosed { get; } = new("sessions", "anomaly_closed",
    [
        S("event_id"), T("occurred_at"), S("anomaly_id"), S("session_id"), S("slot_id"), S("exam_id"), S("student_id"),
        S("teacher_id"), S("type"), S("severity"), D("confidence"), T("started_at"), T("ended_at"), D("duration_seconds"),
        I("occurrences"), S("reason"),
    ], s_byEvent);

    /// <summary><c>sessions/session_started</c>: an attempt began (the analytics API's session counts).</summary>
    public static InputDefinition SessionStarted { get; } = new("sessions", "session_started",
    [
        S("event_id"), T("occurred_at"), S("session_id"), S("booking_id"), S("slot_id"), S("exam_id"), S("student_id"),
        S("teacher_id"), T("started_at"), T("deadline"), I("question_count"),
    ], s_byEvent);

    /// <summary><c>sessions/session_submitted</c>: an attempt ended, with its final risk score.</summary>
    public static InputDefinition SessionSubmitted { get; } = new("sessions", "session_submitted",
    [
        S("event_id"), T("occurred_at"), S("session_id"), S("submission_id"), S("slot_id"), S("exam_id"), S("student_id"),
        S("teacher_id"), S("how"), T("started_at"), T("ended_at"), D("duration_seconds"), I("answered_count"),
        I("question_count"), I("anomaly_count"), I("risk_score"),
    ], s_byEvent);

    /// <summary><c>submissions/submission_auto_graded</c>: a submission was created and its automatic questions graded.</summary>
    public static InputDefinition SubmissionAutoGraded { get; } = new("submissions", "submission_auto_graded",
    [
        S("event_id"), T("occurred_at"), S("submission_id"), S("session_id"), S("slot_id"), S("exam_id"), S("student_id"),
        S("teacher_id"), T("submitted_at"), T("graded_at"), D("score"), D("max_score"), D("percentage"), I("pending_questions"),
    ], s_byEvent);

    /// <summary><c>submissions/submission_auto_graded_question</c>: one question's outcome after automatic grading.</summary>
    public static InputDefinition SubmissionAutoGradedQuestion { get; } = Question("submission_auto_graded_question");

    /// <summary><c>submissions/submission_manually_graded</c>: a teacher graded one answer.</summary>
    public static InputDefinition SubmissionManuallyGraded { get; } = new("submissions", "submission_manually_graded",
    [
        S("event_id"), T("occurred_at"), S("submission_id"), S("exam_id"), S("student_id"), S("teacher_id"), S("question_id"),
        S("question_type"), D("question_score"), D("question_max_score"), S("grader_id"), T("graded_at"), T("submitted_at"),
        D("score"), D("max_score"), D("percentage"), I("pending_questions"),
    ], s_byEvent);

    /// <summary><c>submissions/submission_published</c>: a result was published to its student.</summary>
    public static InputDefinition SubmissionPublished { get; } = new("submissions", "submission_published",
    [
        S("event_id"), T("occurred_at"), S("submission_id"), S("session_id"), S("slot_id"), S("exam_id"), S("student_id"),
        S("teacher_id"), S("published_by"), T("submitted_at"), T("published_at"), D("score"), D("max_score"), D("percentage"),
        D("pass_mark_percent"), B("passed"),
    ], s_byEvent);

    /// <summary><c>submissions/submission_published_question</c>: one question's final outcome at publication.</summary>
    public static InputDefinition SubmissionPublishedQuestion { get; } = Question("submission_published_question");

    /// <summary>Every input, by view name.</summary>
    public static IReadOnlyDictionary<string, InputDefinition> All { get; } = new[]
    {
        AnomalyOpened, AnomalyClosed, SessionStarted, SessionSubmitted, SubmissionAutoGraded, SubmissionAutoGradedQuestion,
        SubmissionManuallyGraded, SubmissionPublished, SubmissionPublishedQuestion,
    }.ToDictionary(i => i.ViewName, StringComparer.Ordinal);

    private static InputDefinition Question(string eventType) => new("submissions", eventType,
    [
        S("event_id"), T("occurred_at"), S("submission_id"), S("exam_id"), S("student_id"), S("question_id"),
        S("question_type"), D("score"), D("max_score"), B("correct"), B("answered"), S("graded_by"),
    ], s_byEventAndQuestion);

    private static InputColumn S(string name) => new(name, ColumnType.Text);

    private static InputColumn T(string name) => new(name, ColumnType.Timestamp);

    private static InputColumn D(string name) => new(name, ColumnType.Fractional);

    private static InputColumn I(string name) => new(name, ColumnType.Integral);

    private static InputColumn B(string name) => new(name, ColumnType.Logical);
}
