using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// One per web host: the way grains reach browsers. The host forwards to its SignalR hubs; grains
/// never see SignalR. Calls are one-way: a slow or dead host never holds a grain up.
/// </summary>
[Alias("pw.IHubObserver")]
public interface IHubObserver : IGrainObserver
{
    /// <summary>Delivers a proctor's batch to that proctor's dashboards watching the rooms concerned.</summary>
    [Alias("OnProctorBatch"), OneWay]
    Task OnProctorBatchAsync(string proctorId, ProctorBatch batch);

    /// <summary>Delivers a message to the student connected to a session.</summary>
    [Alias("OnStudentMessage"), OneWay]
    Task OnStudentMessageAsync(string sessionId, StudentMessage message);

    /// <summary>
    /// The user's role or standing changed (or they were deactivated): every live connection of theirs on
    /// this host loses its rights now, instead of when its token expires.
    /// </summary>
    [Alias("OnUserRevoked"), OneWay]
    Task OnUserRevokedAsync(string userId);

    /// <summary>
    /// A user's inbox changed: a new notification (null when only read state changed) and the unread count, for
    /// every connection of that user on this host (all their tabs), and nobody else.
    /// </summary>
    [Alias("OnNotification"), OneWay]
    Task OnNotificationAsync(string userId, NotificationView? notification, UnreadCount unread);
}
