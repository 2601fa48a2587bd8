namespace ProctorWise.Grains.Notifications;

/// <summary>The persisted state of a <see cref="NotificationGrain"/>.</summary>
[GenerateSerializer, Alias("pw.notification-state")]
public sealed class NotificationState
{
    /// <summary>The inbox, oldest first (appended).</summary>
    [Id(0)] public List<NotificationEntry> Entries { get; set; } = [];

    /// <summary>
    /// Sources already notified, oldest first, kept longer than the entries (four times the inbox limit) so a
    /// late redelivery of an event whose notification was trimmed still adds nothing.
    /// </summary>
    [Id(1)] public List<Guid> Sources { get; set; } = [];
}
