namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>One page of an inbox, newest first, with the unread count of the whole inbox.</summary>
/// <param name="Items">The notifications of this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The requested page size.</param>
/// <param name="Total">Notifications in the inbox.</param>
/// <param name="UnreadCount">Unread notifications in the inbox.</param>
[GenerateSerializer, Immutable, Alias("pw.notification-page")]
public sealed record class NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int UnreadCount);
