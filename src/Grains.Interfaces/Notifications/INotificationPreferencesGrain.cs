using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>A user's channels per notification type (key: user id); types never set keep their defaults.</summary>
[Alias("pw.INotificationPreferencesGrain")]
public interface INotificationPreferencesGrain : IGrainWithStringKey
{
    /// <summary>Every type with its channels; only the user may read them.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<NotificationPreference>> GetAsync(Caller caller);

    /// <summary>Sets the channels of the types listed (others unchanged); returns every type.</summary>
    [Alias("Update")]
    Task<IReadOnlyList<NotificationPreference>> UpdateAsync(Caller caller, IReadOnlyList<NotificationPreference> preferences);

    /// <summary>The channels of one type, for delivery (called by the inbox grain, not by users).</summary>
    [Alias("ChannelsOf")]
    Task<NotificationPreference> ChannelsOfAsync(NotificationType type);
}
