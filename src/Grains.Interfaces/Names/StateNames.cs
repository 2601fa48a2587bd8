namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>Names of persistent states; a rename loses data, so they are constants.</summary>
public static class StateNames
{
    /// <summary>User profile and credentials.</summary>
    public const string User = "user";

    /// <summary>E-mail claim of the e-mail index grain.</summary>
    public const string EmailIndex = "email-index";

    /// <summary>The user directory.</summary>
    public const string UserDirectory = "user-directory";

    /// <summary>An exam definition.</summary>
    public const string Exam = "exam";

    /// <summary>The exam catalogue.</summary>
    public const string ExamCatalog = "exam-catalog";

    /// <summary>An exam slot and its bookings.</summary>
    public const string Slot = "slot";

    /// <summary>A student's bookings.</summary>
    public const string StudentBookings = "student-bookings";

    /// <summary>One attempt at an exam.</summary>
    public const string ExamSession = "exam-session";

    /// <summary>The answers of one attempt (written on every autosave, apart from the attempt).</summary>
    public const string SessionAnswers = "session-answers";

    /// <summary>A graded submission.</summary>
    public const string Submission = "submission";

    /// <summary>An index of submission ids.</summary>
    public const string SubmissionIndex = "submission-index";

    /// <summary>Bootstrap and demo-data markers.</summary>
    public const string Setup = "setup";

    /// <summary>A proctor's rooms and alert inbox.</summary>
    public const string Proctor = "proctor";

    /// <summary>A room's live snapshot.</summary>
    public const string Room = "room";

    /// <summary>The readiness probe's round trip through grain storage.</summary>
    public const string HealthProbe = "health-probe";

    /// <summary>One analytics run (job and period).</summary>
    public const string AnalyticsJob = "analytics-job";

    /// <summary>The analytics schedule: what it started last and when it last swept the lake.</summary>
    public const string AnalyticsScheduler = "analytics-scheduler";

    /// <summary>The list of analytics runs.</summary>
    public const string AnalyticsRunIndex = "analytics-run-index";

    /// <summary>A user's notification inbox.</summary>
    public const string Notifications = "notifications";

    /// <summary>A user's notification channels per type.</summary>
    public const string NotificationPreferences = "notification-preferences";

    /// <summary>The e-mail of one notification and its delivery attempts.</summary>
    public const string NotificationMail = "notification-mail";

    /// <summary>The 24 h and 1 h reminders of one booking.</summary>
    public const string ExamReminder = "exam-reminder";

    /// <summary>The high-severity anomaly digest of one session.</summary>
    public const string AnomalyDigest = "anomaly-digest";
}
