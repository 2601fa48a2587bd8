using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Notifications;

/// <summary>Keys of <see cref="INotificationMailGrain"/>: one per user and notification.</summary>
internal static class NotificationMailKeys
{
    public static string Of(string userId, string notificationId) => $"{userId}/{notificationId}";

    public static (string UserId, string NotificationId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}
