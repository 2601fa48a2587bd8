namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>The unread count of an inbox after a change (also the hub's <c>unreadCount</c> push).</summary>
/// <param name="Count">Unread notifications.</param>
[GenerateSerializer, Immutable, Alias("pw.unread-count")]
public sealed record class UnreadCount(int Count);
