namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>
/// Turns domain events into notifications (key: the stream key). It has no methods: only its implicit
/// subscription to the fact namespaces activates it.
/// </summary>
[Alias("pw.INotificationDispatchGrain")]
public interface INotificationDispatchGrain : IGrainWithStringKey
{
}
