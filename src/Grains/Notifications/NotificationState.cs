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

    /// <summary>The unread entries' count.</summary>
    public int Unread => Entries.Count(e => e.ReadAt is null);

    /// <summary>Records that <paramref name="sourceId"/> was notified, forgetting the oldest beyond four times <paramref name="inboxLimit"/>.</summary>
    public void Remember(Guid sourceId, int inboxLimit)
    {
        Sources.Add(sourceId);
        var keep = inboxLimit * 4;
        if (Sources.Count > keep)
        {
            Sources.RemoveRange(0, Sources.Count - keep);
        }
    }

    /// <summary>Appends <paramref name="entry"/>, dropping the oldest entries beyond <paramref name="inboxLimit"/>.</summary>
    public void Append(NotificationEntry entry, int inboxLimit)
    {
        Entries.Add(entry);
        var excess = Entries.Count - inboxLimit;
        if (excess > 0)
        {
            Entries.RemoveRange(0, excess);
        }
    }
}
