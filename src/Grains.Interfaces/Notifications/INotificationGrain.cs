using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>
/// A user's inbox (key: user id): notifications newest first, read state, and the delivery state of each
/// channel. Only its user reads or marks it.
/// </summary>
[Alias("pw.INotificationGrain")]
public interface INotificationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds a notification unless one from the same source is already there, then delivers it on the channels
    /// of the user's preferences. Returns false for a duplicate (nothing added, nothing sent).
    /// </summary>
    [Alias("Add")]
    Task<bool> AddAsync(NewNotification notification);

    /// <summary>A page of the inbox, newest first, with the unread count.</summary>
    [Alias("List")]
    Task<NotificationPage> ListAsync(Caller caller, PageRequest page);

    /// <summary>Marks one notification read (idempotent) and returns it.</summary>
    [Alias("MarkRead")]
    Task<NotificationView> MarkReadAsync(Caller caller, string notificationId);

    /// <summary>Marks every notification read; returns the unread count (0).</summary>
    [Alias("MarkAllRead")]
    Task<UnreadCount> MarkAllReadAsync(Caller caller);

    /// <summary>Records the outcome of a delivery attempt (the e-mail grain reports here).</summary>
    [Alias("RecordDelivery")]
    Task RecordDeliveryAsync(string notificationId, DeliveryView delivery);
}
