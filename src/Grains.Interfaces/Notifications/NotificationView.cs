namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>One notification of a user's inbox (also the payload of the hub's <c>notification</c> push).</summary>
/// <param name="Id">The notification id.</param>
/// <param name="Type">What it is about.</param>
/// <param name="Title">A one-line title (plain text).</param>
/// <param name="Body">The message (plain text; the client escapes it like any text).</param>
/// <param name="Link">The web client's page it refers to (a relative path), if any.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ReadAt">When the user marked it read; null while unread.</param>
/// <param name="Deliveries">Delivery per channel the user's preferences chose.</param>
[GenerateSerializer, Immutable, Alias("pw.notification-view")]
public sealed record class NotificationView(
    string Id,
    NotificationType Type,
    string Title,
    string Body,
    string? Link,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    IReadOnlyList<DeliveryView> Deliveries);
