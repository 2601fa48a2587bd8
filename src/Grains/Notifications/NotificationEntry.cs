using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Notifications;

/// <summary>One notification in an inbox.</summary>
[GenerateSerializer, Alias("pw.notification-entry")]
public sealed class NotificationEntry
{
    /// <summary>The notification id.</summary>
    [Id(0)] public string Id { get; set; } = string.Empty;

    /// <summary>The event (or derived id) it came from.</summary>
    [Id(1)] public Guid SourceId { get; set; }

    /// <summary>What it is about.</summary>
    [Id(2)] public NotificationType Type { get; set; }

    /// <summary>The title.</summary>
    [Id(3)] public string Title { get; set; } = string.Empty;

    /// <summary>The plain-text body.</summary>
    [Id(4)] public string Body { get; set; } = string.Empty;

    /// <summary>The client page it refers to.</summary>
    [Id(5)] public string? Link { get; set; }

    /// <summary>When it was created.</summary>
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was read; null while unread.</summary>
    [Id(7)] public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Delivery per channel.</summary>
    [Id(8)] public Dictionary<NotificationChannel, DeliveryView> Deliveries { get; set; } = [];

    /// <summary>
    /// A new entry for <paramref name="notification"/> with a pending delivery per channel it goes by. Without the in-app
    /// channel the entry only records the e-mail's delivery: it is born read, so it does not raise the unread count.
    /// </summary>
    public static NotificationEntry Create(NewNotification notification, bool inApp, bool email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var entry = new NotificationEntry
        {
            Id = Guid.CreateVersion7().ToString("N"),
            SourceId = notification.SourceId,
            Type = notification.Type,
            Title = notification.Title,
            Body = notification.Text,
            Link = notification.Link,
            CreatedAt = now,
            ReadAt = inApp ? null : now,
        };
        if (inApp)
        {
            entry.Deliveries[NotificationChannel.InApp] = new(NotificationChannel.InApp, DeliveryStatus.Sent, 1, null, now);
        }

        if (email)
        {
            entry.Deliveries[NotificationChannel.Email] = new(NotificationChannel.Email, DeliveryStatus.Pending, 0, null, now);
        }

        return entry;
    }

    /// <summary>The view of this entry.</summary>
    public NotificationView View() =>
        new(Id, Type, Title, Body, Link, CreatedAt, ReadAt, [.. Deliveries.Values.OrderBy(d => d.Channel)]);
}
