namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>The channels a user wants for one type of notification.</summary>
/// <param name="Type">The type.</param>
/// <param name="InApp">True to get it in the inbox and pushed to open tabs.</param>
/// <param name="Email">True to get it by e-mail.</param>
[GenerateSerializer, Immutable, Alias("pw.notification-preference")]
public sealed record class NotificationPreference(NotificationType Type, bool InApp, bool Email);
