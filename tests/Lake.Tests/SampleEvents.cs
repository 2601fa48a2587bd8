using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;

namespace ProctorWise.Lake.Tests;

/// <summary>
/// One event of every landed type with known values, and what its Parquet row must be, written out by hand (not
/// produced by the code under test): the lake's column convention, type by type (docs/lake.md).
/// </summary>
internal static class SampleEvents
{
    /// <summary>OccurredAt of every sample: 2026-03-02 09:45:00.123456 UTC (microseconds survive, ticks below do not).</summary>
    public static readonly DateTimeOffset OccurredAt = new DateTimeOffset(2026, 3, 2, 9, 45, 0, TimeSpan.Zero).AddTicks(1_234_567);

    /// <summary>A start given with a +02:00 offset: the lake stores it as 09:00:06 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 11, 0, 6, TimeSpan.FromHours(2));

    public static readonly DateTimeOffset End = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateTime s_occurred = new DateTime(2026, 3, 2, 9, 45, 0, DateTimeKind.Utc).AddTicks(1_234_560);
    private static readonly DateTime s_start = new(2026, 3, 2, 9, 0, 6, DateTimeKind.Utc);
    private static readonly DateTime s_end = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    public static Guid Id(int n) => Guid.Parse($"019cae1b-5f3a-7c12-9e41-2a6b0d7c8e{n:x2}");

    private static string IdText(int n) => $"019cae1b-5f3a-7c12-9e41-2a6b0d7c8e{n:x2}";

    public static readonly QuestionOutcome Choice = new("q-1", QuestionType.SingleChoice, 5m, 5m, true, true, "auto");

    public static readonly QuestionOutcome EssayWaiting = new("q-2", QuestionType.Essay, null, 5m, null, true, null);

    public static readonly QuestionOutcome EssayGraded = new("q-2", QuestionType.Essay, 2.5m, 5m, null, true, "teacher-1");

    /// <summary>(event, its table's columns as name:type, its row in column order).</summary>
    public static IReadOnlyList<(DomainEvent Event, string Columns, object?[] Row)> All { get; } =
    [
        (new ExamPublished(Id(1), OccurredAt, "exam-1", "teacher-1", "Intro", 5, 42.5m, 60, 60m),
            "event_id:string occurred_at:timestamp exam_id:string teacher_id:string title:string question_count:int32 max_score:double duration_minutes:int32 pass_mark_percent:double",
            [IdText(1), s_occurred, "exam-1", "teacher-1", "Intro", 5, 42.5, 60, 60.0]),
        (new ExamArchived(Id(2), OccurredAt, "exam-1", "teacher-1", "Intro"),
            "event_id:string occurred_at:timestamp exam_id:string teacher_id:string title:string",
            [IdText(2), s_occurred, "exam-1", "teacher-1", "Intro"]),
        (new SlotOpened(Id(3), OccurredAt, "slot-1", "exam-1", "teacher-1", Start, End, 30),
            "event_id:string occurred_at:timestamp slot_id:string exam_id:string teacher_id:string starts_at:timestamp ends_at:timestamp capacity:int32",
            [IdText(3), s_occurred, "slot-1", "exam-1", "teacher-1", s_start, s_end, 30]),
        (new SlotCancelled(Id(4), OccurredAt, "slot-1", "exam-1", "teacher-1", Start),
            "event_id:string occurred_at:timestamp slot_id:string exam_id:string teacher_id:string starts_at:timestamp",
            [IdText(4), s_occurred, "slot-1", "exam-1", "teacher-1", s_start]),
        (new BookingMade(Id(5), OccurredAt, "booking-1", "slot-1", "exam-1", "student-1", "teacher-1", Start, 3, 30),
            "event_id:string occurred_at:timestamp booking_id:string slot_id:string exam_id:string student_id:string teacher_id:string starts_at:timestamp seats_taken:int32 capacity:int32",
            [IdText(5), s_occurred, "booking-1", "slot-1", "exam-1", "student-1", "teacher-1", s_start, 3, 30]),
        (new BookingCancelled(Id(6), OccurredAt, "booking-1", "slot-1", "exam-1", "student-1", "teacher-1", Start),
            "event_id:string occurred_at:timestamp booking_id:string slot_id:string exam_id:string student_id:string teacher_id:string starts_at:timestamp",
            [IdText(6), s_occurred, "booking-1", "slot-1", "exam-1", "student-1", "teacher-1", s_start]),
        (new SessionStarted(Id(7), OccurredAt, "session-1", "booking-1", "slot-1", "exam-1", "student-1", "teacher-1", Start, End, 5),
            "event_id:string occurred_at:timestamp session_id:string booking_id:string slot_id:string exam_id:string student_id:string teacher_id:string started_at:timestamp deadline:timestamp question_count:int32",
            [IdText(7), s_occurred, "session-1", "booking-1", "slot-1", "exam-1", "student-1", "teacher-1", s_start, s_end, 5]),
        (new SessionSubmitted(Id(8), OccurredAt, "session-1", "sub-1", "slot-1", "exam-1", "student-1", "teacher-1", SessionStatus.Expired, Start, End, 3594.5, 4, 5, 2, 31),
            "event_id:string occurred_at:timestamp session_id:string submission_id:string slot_id:string exam_id:string student_id:string teacher_id:string how:string started_at:timestamp ended_at:timestamp duration_seconds:double answered_count:int32 question_count:int32 anomaly_count:int32 risk_score:int32",
            [IdText(8), s_occurred, "session-1", "sub-1", "slot-1", "exam-1", "student-1", "teacher-1", "expired", s_start, s_end, 3594.5, 4, 5, 2, 31]),
        (new SessionTerminated(Id(9), OccurredAt, "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "proctor-1", "A phone was used."),
            "event_id:string occurred_at:timestamp session_id:string slot_id:string exam_id:string student_id:string teacher_id:string terminated_by:string reason:string",
            [IdText(9), s_occurred, "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "proctor-1", "A phone was used."]),
        (new AnomalyOpened(Id(10), OccurredAt, "anomaly-1", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", AnomalyType.NoFace, Severity.High, null, Start, "No face for 5 s."),
            "event_id:string occurred_at:timestamp anomaly_id:string session_id:string slot_id:string exam_id:string student_id:string teacher_id:string type:string severity:string confidence:double? started_at:timestamp reason:string",
            [IdText(10), s_occurred, "anomaly-1", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "no_face", "high", null, s_start, "No face for 5 s."]),
        (new AnomalyClosed(Id(11), OccurredAt, "anomaly-2", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", AnomalyType.MultipleFaces, Severity.Critical, 0.87, Start, End, 12.5, 3, "Two faces."),
            "event_id:string occurred_at:timestamp anomaly_id:string session_id:string slot_id:string exam_id:string student_id:string teacher_id:string type:string severity:string confidence:double? started_at:timestamp ended_at:timestamp duration_seconds:double occurrences:int32 reason:string",
            [IdText(11), s_occurred, "anomaly-2", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "multiple_faces", "critical", 0.87, s_start, s_end, 12.5, 3, "Two faces."]),
        (new SubmissionAutoGraded(Id(12), OccurredAt, "sub-1", "session-1", null, "exam-1", "student-1", "teacher-1", Start, End, 5m, 10m, 50m, 1, [Choice, EssayWaiting]),
            "event_id:string occurred_at:timestamp submission_id:string session_id:string slot_id:string? exam_id:string student_id:string teacher_id:string submitted_at:timestamp graded_at:timestamp score:double max_score:double percentage:double pending_questions:int32",
            [IdText(12), s_occurred, "sub-1", "session-1", null, "exam-1", "student-1", "teacher-1", s_start, s_end, 5.0, 10.0, 50.0, 1]),
        (new SubmissionManuallyGraded(Id(13), OccurredAt, "sub-1", "exam-1", "student-1", "teacher-1", "q-2", QuestionType.Essay, 2.5m, 5m, "teacher-1", End, Start, 7.5m, 10m, 75m, 0),
            "event_id:string occurred_at:timestamp submission_id:string exam_id:string student_id:string teacher_id:string question_id:string question_type:string question_score:double question_max_score:double grader_id:string graded_at:timestamp submitted_at:timestamp score:double max_score:double percentage:double pending_questions:int32",
            [IdText(13), s_occurred, "sub-1", "exam-1", "student-1", "teacher-1", "q-2", "essay", 2.5, 5.0, "teacher-1", s_end, s_start, 7.5, 10.0, 75.0, 0]),
        (new SubmissionPublished(Id(14), OccurredAt, "sub-1", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "teacher-1", Start, End, 7.5m, 10m, 75m, 60m, true, [Choice, EssayGraded]),
            "event_id:string occurred_at:timestamp submission_id:string session_id:string slot_id:string? exam_id:string student_id:string teacher_id:string published_by:string submitted_at:timestamp published_at:timestamp score:double max_score:double percentage:double pass_mark_percent:double passed:boolean",
            [IdText(14), s_occurred, "sub-1", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "teacher-1", s_start, s_end, 7.5, 10.0, 75.0, 60.0, true]),
        (new PublishedGradeChanged(Id(19), OccurredAt, "sub-1", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "admin-1", End, "q-2", QuestionType.Essay, 2.5m, 1m, 5m, true, 7.5m, 6m, 10m, 75m, 60m, 60m, true, true, "Marked twice."),
            "event_id:string occurred_at:timestamp submission_id:string session_id:string slot_id:string? exam_id:string student_id:string teacher_id:string changed_by:string published_at:timestamp question_id:string question_type:string previous_question_score:double? question_score:double question_max_score:double feedback_changed:boolean previous_score:double score:double max_score:double previous_percentage:double percentage:double pass_mark_percent:double previously_passed:boolean passed:boolean reason:string?",
            [IdText(19), s_occurred, "sub-1", "session-1", "slot-1", "exam-1", "student-1", "teacher-1", "admin-1", s_end, "q-2", "essay", 2.5, 1.0, 5.0, true, 7.5, 6.0, 10.0, 75.0, 60.0, 60.0, true, true, "Marked twice."]),
        // Before the user events: tests take the last sample as a user event.
        (new AnalyticsJobFailed(Id(20), OccurredAt, "daily_anomaly_aggregation", "2026-03-01", AnalyticsRunTrigger.CatchUp, 3, "Pre-check: no raw zone."),
            "event_id:string occurred_at:timestamp job:string period:string trigger:string attempts:int32 error:string",
            [IdText(20), s_occurred, "daily_anomaly_aggregation", "2026-03-01", "catch_up", 3, "Pre-check: no raw zone."]),
        (new SlotChanged(Id(21), OccurredAt, "slot-1", "exam-1", "teacher-1", "Intro II", "Intro", Start, End, Start.AddMinutes(30), true, 3),
            "event_id:string occurred_at:timestamp slot_id:string exam_id:string teacher_id:string title:string previous_title:string starts_at:timestamp ends_at:timestamp previous_ends_at:timestamp is_open:boolean booked_count:int32",
            [IdText(21), s_occurred, "slot-1", "exam-1", "teacher-1", "Intro II", "Intro", s_start, s_end, s_start.AddMinutes(30), true, 3]),
        (new UserRegistered(Id(15), OccurredAt, "user-1", UserRole.Student, Start),
            "event_id:string occurred_at:timestamp user_id:string role:string registered_at:timestamp",
            [IdText(15), s_occurred, "user-1", "student", s_start]),
        (new UserRoleChanged(Id(16), OccurredAt, "user-1", UserRole.Student, UserRole.Proctor, "admin-1"),
            "event_id:string occurred_at:timestamp user_id:string previous_role:string role:string changed_by:string",
            [IdText(16), s_occurred, "user-1", "student", "proctor", "admin-1"]),
        (new UserDeactivated(Id(17), OccurredAt, "user-1", UserRole.Proctor, "admin-1"),
            "event_id:string occurred_at:timestamp user_id:string role:string changed_by:string",
            [IdText(17), s_occurred, "user-1", "proctor", "admin-1"]),
        (new UserReactivated(Id(18), OccurredAt, "user-1", UserRole.Proctor, "admin-1"),
            "event_id:string occurred_at:timestamp user_id:string role:string changed_by:string",
            [IdText(18), s_occurred, "user-1", "proctor", "admin-1"]),
    ];

    /// <summary>The question tables: columns, and the rows of the two submission samples above.</summary>
    public const string QuestionColumns =
        "event_id:string occurred_at:timestamp submission_id:string exam_id:string student_id:string question_id:string question_type:string score:double? max_score:double correct:boolean? answered:boolean graded_by:string?";

    public static IReadOnlyList<object?[]> AutoGradedQuestionRows { get; } =
    [
        [IdText(12), s_occurred, "sub-1", "exam-1", "student-1", "q-1", "single_choice", 5.0, 5.0, true, true, "auto"],
        [IdText(12), s_occurred, "sub-1", "exam-1", "student-1", "q-2", "essay", null, 5.0, null, true, null],
    ];

    public static IReadOnlyList<object?[]> PublishedQuestionRows { get; } =
    [
        [IdText(14), s_occurred, "sub-1", "exam-1", "student-1", "q-1", "single_choice", 5.0, 5.0, true, true, "auto"],
        [IdText(14), s_occurred, "sub-1", "exam-1", "student-1", "q-2", "essay", 2.5, 5.0, null, true, "teacher-1"],
    ];

    /// <summary>Where each type lands, written out from the grains' outbox calls.</summary>
    public static IReadOnlyDictionary<Type, string> Folders { get; } = new Dictionary<Type, string>
    {
        [typeof(ExamPublished)] = "raw/exams/date=2026-03-02/type=exam_published",
        [typeof(ExamArchived)] = "raw/exams/date=2026-03-02/type=exam_archived",
        [typeof(SlotOpened)] = "raw/exams/date=2026-03-02/type=slot_opened",
        [typeof(SlotCancelled)] = "raw/exams/date=2026-03-02/type=slot_cancelled",
        [typeof(SlotChanged)] = "raw/exams/date=2026-03-02/type=slot_changed",
        [typeof(BookingMade)] = "raw/bookings/date=2026-03-02/type=booking_made",
        [typeof(BookingCancelled)] = "raw/bookings/date=2026-03-02/type=booking_cancelled",
        [typeof(SessionStarted)] = "raw/sessions/date=2026-03-02/type=session_started",
        [typeof(SessionSubmitted)] = "raw/sessions/date=2026-03-02/type=session_submitted",
        [typeof(SessionTerminated)] = "raw/sessions/date=2026-03-02/type=session_terminated",
        [typeof(AnomalyOpened)] = "raw/sessions/date=2026-03-02/type=anomaly_opened",
        [typeof(AnomalyClosed)] = "raw/sessions/date=2026-03-02/type=anomaly_closed",
        [typeof(SubmissionAutoGraded)] = "raw/submissions/date=2026-03-02/type=submission_auto_graded",
        [typeof(SubmissionManuallyGraded)] = "raw/submissions/date=2026-03-02/type=submission_manually_graded",
        [typeof(SubmissionPublished)] = "raw/submissions/date=2026-03-02/type=submission_published",
        [typeof(PublishedGradeChanged)] = "raw/submissions/date=2026-03-02/type=published_grade_changed",
        [typeof(UserRegistered)] = "raw/users/date=2026-03-02/type=user_registered",
        [typeof(UserRoleChanged)] = "raw/users/date=2026-03-02/type=user_role_changed",
        [typeof(UserDeactivated)] = "raw/users/date=2026-03-02/type=user_deactivated",
        [typeof(UserReactivated)] = "raw/users/date=2026-03-02/type=user_reactivated",
        [typeof(AnalyticsJobFailed)] = "raw/analytics/date=2026-03-02/type=analytics_job_failed",
    };
}
