using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Grains.Ports;

/// <summary>
/// Sends e-mail (SMTP in production, a pickup folder of .eml files in embedded mode). A failure throws
/// <see cref="MailDeliveryException"/>; the caller retries.
/// </summary>
public interface IMailSender
{
    /// <summary>Hands the message to the server (or writes it); returns once it was accepted.</summary>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
