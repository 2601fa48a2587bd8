namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>Stream namespaces; each becomes one Kafka topic in production.</summary>
public static class StreamNamespaces
{
    /// <summary>Proctoring alerts and live session views, one stream per room (exam slot); not facts.</summary>
    public const string Alerts = "alerts";

    /// <summary>Exam and slot facts (key: exam id).</summary>
    public const string Exams = "exams";

    /// <summary>Booking facts (key: slot id).</summary>
    public const string Bookings = "bookings";

    /// <summary>Session lifecycle and anomaly facts (key: session id).</summary>
    public const string Sessions = "sessions";

    /// <summary>Submission and grading facts (key: submission id).</summary>
    public const string Submissions = "submissions";

    /// <summary>Account facts (key: user id).</summary>
    public const string Users = "users";

    /// <summary>Analytics job facts (key: job/period), e.g. a run that failed.</summary>
    public const string Analytics = "analytics";

    /// <summary>User notifications.</summary>
    public const string Notifications = "notifications";

    /// <summary>The namespaces that carry domain events (the lake lands these).</summary>
    public static IReadOnlyList<string> Facts { get; } = [Exams, Bookings, Sessions, Submissions, Users, Analytics];

    /// <summary>Every namespace the application publishes on (one Kafka topic each).</summary>
    public static IReadOnlyList<string> All { get; } = [Alerts, Exams, Bookings, Sessions, Submissions, Users, Analytics];
}
