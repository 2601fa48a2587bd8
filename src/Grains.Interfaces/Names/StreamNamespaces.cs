namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>Stream namespaces; each becomes one Kafka topic in production.</summary>
public static class StreamNamespaces
{
    /// <summary>Proctoring alerts, one stream per room (exam slot).</summary>
    public const string Alerts = "alerts";

    /// <summary>Exam session lifecycle events.</summary>
    public const string Sessions = "sessions";

    /// <summary>Submission and grading events.</summary>
    public const string Submissions = "submissions";

    /// <summary>User notifications.</summary>
    public const string Notifications = "notifications";
}
