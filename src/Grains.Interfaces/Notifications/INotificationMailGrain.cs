namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>
/// The e-mail of one notification (key: <c>userId/notificationId</c>): sends it, retries with exponential back-off
/// while the server is down, records the failure when it never accepts, and reports each outcome to the user's
/// inbox. Durable: a reminder finishes the retries when the silo that started them is gone.
/// </summary>
[Alias("pw.INotificationMailGrain")]
public interface INotificationMailGrain : IGrainWithStringKey
{
    /// <summary>Starts delivering <paramref name="message"/>; a second call for the same notification does nothing.</summary>
    [Alias("Send")]
    Task SendAsync(MailMessage message);

    /// <summary>The delivery as it stands (null before <see cref="SendAsync"/>).</summary>
    [Alias("Get")]
    Task<DeliveryView?> GetAsync();
}
