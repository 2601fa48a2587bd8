namespace ProctorWise.Grains.Options;

/// <summary>Timing of exam sessions (configuration section <c>Sessions</c>).</summary>
public sealed class ExamSessionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sessions";

    /// <summary>
    /// How often an active session re-checks its deadline (and, later, its liveness rules). The timer
    /// also fires exactly at the deadline; the tick only bounds how late a changed clock is noticed.
    /// </summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Period of the deadline reminder, the backstop that submits a session whose silo went away. It
    /// checks the deadline at each tick, so a session whose grain is not active is submitted at most
    /// this late; Orleans refuses periods under its minimum (1 minute by default).
    /// </summary>
    public TimeSpan DeadlineReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long evidence frames are kept after the session ended.</summary>
    public TimeSpan EvidenceRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At most this many evidence frames per session (later anomalies are recorded without one).</summary>
    public int MaxEvidencePerSession { get; set; } = 50;
}
