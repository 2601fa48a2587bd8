using Microsoft.AspNetCore.SignalR;
using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Api.Hubs;

/// <summary>Messages every open tab of a user receives on <c>/hubs/notifications</c>.</summary>
public interface INotificationClient
{
    /// <summary>A new notification (<c>notification</c>, the shape of <c>GET /api/notifications</c> items).</summary>
    [HubMethodName("notification")]
    Task Notification(NotificationView notification);

    /// <summary>The inbox's unread count changed (<c>unreadCount {count}</c>): new, read, or all read (in any tab).</summary>
    [HubMethodName("unreadCount")]
    Task UnreadCount(UnreadCount unread);
}
