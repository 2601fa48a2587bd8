namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>How a notification reaches its user.</summary>
public enum NotificationChannel
{
    /// <summary>The inbox and a live push to every open tab (SignalR <c>/hubs/notifications</c>).</summary>
    InApp = 0,

    /// <summary>An e-mail (SMTP, or the pickup folder in embedded mode).</summary>
    Email = 1,
}
