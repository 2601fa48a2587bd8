using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Notifications;

/// <summary>The persisted state of a <see cref="NotificationPreferencesGrain"/>.</summary>
[GenerateSerializer, Alias("pw.notification-preferences-state")]
public sealed class NotificationPreferencesState
{
    /// <summary>The types the user set; the others keep <see cref="NotificationDefaults"/>.</summary>
    [Id(0)] public Dictionary<NotificationType, NotificationPreference> Chosen { get; set; } = [];
}
