using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Notifications;

/// <summary>
/// The channels of a type the user never set: everything in the app; e-mail for what a user must not miss
/// (booking, reminders, changes to a booked exam, grades, a terminated session, a failed analytics job), not for
/// the anomaly digest, which can be frequent during an exam the teacher is likely watching anyway.
/// </summary>
public static class NotificationDefaults
{
    /// <summary>The default of <paramref name="type"/>.</summary>
    public static NotificationPreference Of(NotificationType type) => new(type, InApp: true, Email: type != NotificationType.AnomalyDigest);
}
