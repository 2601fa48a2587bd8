namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>The delivery of a notification on one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Status">Pending, sent or failed.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="Error">The last attempt's error, when it failed.</param>
/// <param name="UpdatedAt">When the status last changed.</param>
[GenerateSerializer, Immutable, Alias("pw.delivery-view")]
public sealed record class DeliveryView(NotificationChannel Channel, DeliveryStatus Status, int Attempts, string? Error, DateTimeOffset UpdatedAt);
