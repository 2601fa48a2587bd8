namespace ProctorWise.Analytics.Tests;

/// <summary>Raw events as the lake stores them (docs/events.md, one column per property in snake_case).</summary>
internal static class Events
{
    private static int s_next;

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0, int year = 2026) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public static string NewEventId() => Guid.CreateVersion7().ToString();

    public static Row AnomalyOpened(string anomaly, string exam, string student, string type, string severity, double? confidence, DateTimeOffset startedAt) =>
        new Row("sessions", "anomaly_opened")
            .With("event_id", NewEventId()).With("occurred_at", startedAt)
            .With("anomaly_id", anomaly).With("session_id", "session-" + student).With("slot_id", "slot-" + exam)
            .With("exam_id", exam).With("student_id", student).With("teacher_id", "t1")
            .With("type", type).With("severity", severity).With("confidence", Nullable(confidence))
            .With("started_at", startedAt).With("reason", "a reason");

    public static Row AnomalyClosed(string anomaly, string exam, string student, string type, string severity, double? confidence, DateTimeOffset startedAt, DateTimeOffset endedAt) =>
        new Row("sessions", "anomaly_closed")
            .With("event_id", NewEventId()).With("occurred_at", endedAt)
            .With("anomaly_id", anomaly).With("session_id", "session-" + student).With("slot_id", "slot-" + exam)
            .With("exam_id", exam).With("student_id", student).With("teacher_id", "t1")
            .With("type", type).With("severity", severity).With("confidence", Nullable(confidence))
            .With("started_at", startedAt).With("ended_at", endedAt).With("duration_seconds", (endedAt - startedAt).TotalSeconds)
            .With("occurrences", 1).With("reason", "a reason");

    public static Row SessionSubmitted(string student, string exam, DateTimeOffset endedAt, int riskScore) =>
        new Row("sessions", "session_submitted")
            .With("event_id", NewEventId()).With("occurred_at", endedAt)
            .With("session_id", $"session-{++s_next}").With("submission_id", $"submission-{s_next}").With("slot_id", "slot-" + exam)
            .With("exam_id", exam).With("student_id", student).With("teacher_id", "t1").With("how", "submitted")
            .With("started_at", endedAt.AddMinutes(-30)).With("ended_at", endedAt).With("duration_seconds", 1800.0)
            .With("answered_count", 2).With("question_count", 2).With("anomaly_count", 0).With("risk_score", riskScore);

    public static Row AutoGraded(string submission, string exam, string student, DateTimeOffset submittedAt, DateTimeOffset gradedAt, double score, double maxScore, int pending) =>
        new Row("submissions", "submission_auto_graded")
            .With("event_id", NewEventId()).With("occurred_at", gradedAt)
            .With("submission_id", submission).With("session_id", "session-" + submission).With("slot_id", "slot-" + exam)
            .With("exam_id", exam).With("student_id", student).With("teacher_id", "t1")
            .With("submitted_at", submittedAt).With("graded_at", gradedAt)
            .With("score", score).With("max_score", maxScore).With("percentage", 100 * score / maxScore).With("pending_questions", pending);

    public static Row ManuallyGraded(string submission, string exam, string student, string question, string questionType, double questionScore,
        double questionMax, string grader, DateTimeOffset gradedAt, DateTimeOffset submittedAt, double score, double maxScore, int pending) =>
        new Row("submissions", "submission_manually_graded")
            .With("event_id", NewEventId()).With("occurred_at", gradedAt)
            .With("submission_id", submission).With("exam_id", exam).With("student_id", student).With("teacher_id", "t1")
            .With("question_id", question).With("question_type", questionType)
            .With("question_score", questionScore).With("question_max_score", questionMax).With("grader_id", grader)
            .With("graded_at", gradedAt).With("submitted_at", submittedAt)
            .With("score", score).With("max_score", maxScore).With("percentage", 100 * score / maxScore).With("pending_questions", pending);

    /// <summary>A question row of an auto-graded event (same event_id and occurred_at as the event it was flattened from).</summary>
    public static Row AutoGradedQuestion(Row autoGraded, string question, string questionType, double? score, double maxScore, bool? correct, bool answered)
    {
        string Get(string column) => (string)autoGraded.Values.Single(v => v.Column == column).Value!;
        return new Row("submissions", "submission_auto_graded_question")
            .With("event_id", Get("event_id")).With("occurred_at", autoGraded.OccurredAt)
            .With("submission_id", Get("submission_id")).With("exam_id", Get("exam_id")).With("student_id", Get("student_id"))
            .With("question_id", question).With("question_type", questionType)
            .With("score", score is { } s ? s : new SqlNull("DOUBLE")).With("max_score", maxScore)
            .With("correct", correct is { } c ? c : new SqlNull("BOOLEAN")).With("answered", answered)
            .With("graded_by", score is null ? new SqlNull("VARCHAR") : "auto");
    }

    private static object Nullable(double? value) => value is { } v ? v : new SqlNull("DOUBLE");
}
