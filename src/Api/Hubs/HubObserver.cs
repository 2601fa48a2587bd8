using Microsoft.AspNetCore.SignalR;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Hubs;

/// <summary>
/// This host's end of <see cref="IHubObserver"/>: grains call it, it forwards to the SignalR groups of
/// the connections on this host (a group with no member here costs nothing).
/// </summary>
internal sealed class HubObserver(
    IHubContext<ProctorHub, IProctorClient> proctors,
    IHubContext<StudentHub, IStudentClient> students,
    IHubContext<NotificationHub, INotificationClient> notifications,
    HubConnections connections,
    ProctoringMetrics metrics) : IHubObserver
{
    public async Task OnProctorBatchAsync(string proctorId, ProctorBatch batch)
    {
        var here = connections.Has(proctorId);
        foreach (var alert in batch.Alerts)
        {
            await proctors.Clients.Group(HubGroups.ProctorRoom(proctorId, alert.SlotId)).Alert(alert);
            if (here)
            {
                metrics.Delivered(alert);
            }
        }

        foreach (var session in batch.Sessions)
        {
            await proctors.Clients.Group(HubGroups.ProctorRoom(proctorId, session.SlotId)).SessionChanged(session);
        }
    }

    public Task OnStudentMessageAsync(string sessionId, StudentMessage message)
    {
        var client = students.Clients.Group(HubGroups.Session(sessionId));
        return message.Kind switch
        {
            StudentMessageKind.Warning => client.Warning(new WarningMessage(message.Text ?? string.Empty, message.At)),
            StudentMessageKind.Terminated => client.Terminated(new TerminatedMessage(message.Text ?? string.Empty)),
            StudentMessageKind.DeadlineChanged when message.Deadline is { } deadline => client.DeadlineChanged(new DeadlineMessage(deadline)),
            _ => Task.CompletedTask,
        };
    }

    public async Task OnNotificationAsync(string userId, NotificationView? notification, UnreadCount unread)
    {
        var tabs = notifications.Clients.Group(HubGroups.User(userId));
        if (notification is not null)
        {
            await tabs.Notification(notification);
        }

        await tabs.UnreadCount(unread);
    }

    public Task OnUserRevokedAsync(string userId)
    {
        connections.Abort(userId);
        return Task.CompletedTask;
    }
}
