namespace ProctorWise.Grains.Options;

/// <summary>Inbox size, reminder ticks, anomaly debouncing and e-mail retries (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notifications";

    /// <summary>Notifications an inbox keeps; the oldest go first (their source ids are still remembered for deduplication).</summary>
    public int InboxLimit { get; set; } = 500;

    /// <summary>How often a booking's reminder grain checks whether its 24 h / 1 h reminder is due (an Orleans reminder period).</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One high-severity anomaly message per session per window, with the count of the window.</summary>
    public TimeSpan AnomalyDigestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>E-mail attempts before the delivery is recorded as failed.</summary>
    public int MailMaxAttempts { get; set; } = 6;

    /// <summary>Delay before the second e-mail attempt; it doubles after each failure up to <see cref="MailMaxRetryDelay"/>.</summary>
    public TimeSpan MailRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two e-mail attempts.</summary>
    public TimeSpan MailMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The durable back-stop of e-mail retries (an Orleans reminder period): a retry whose timer was lost with its
    /// silo is made by the next tick.
    /// </summary>
    public TimeSpan MailRetryCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The web client's public address, for links in e-mails (none when unset).</summary>
    public Uri? PublicBaseUrl { get; set; }
}
