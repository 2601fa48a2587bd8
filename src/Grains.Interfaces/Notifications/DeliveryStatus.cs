namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>Where the delivery of a notification on one channel stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not delivered yet (an e-mail waiting for its next attempt).</summary>
    Pending = 0,

    /// <summary>Delivered (in-app: in the inbox and pushed; e-mail: accepted by the SMTP server or written to the pickup folder).</summary>
    Sent = 1,

    /// <summary>Given up after the last attempt; <see cref="DeliveryView.Error"/> says why.</summary>
    Failed = 2,
}
