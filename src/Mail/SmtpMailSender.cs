using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Mail;

/// <summary>
/// Sends over SMTP with MailKit: one connection per message (notifications are few; a pooled connection would have
/// to survive server restarts). Every failure, including a server that never answers within
/// <see cref="SmtpOptions.Timeout"/>, becomes a <see cref="MailDeliveryException"/> the caller retries.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    /// <inheritdoc/>
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var mime = MimeMessages.From(message, settings.From);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };

        // MailKit's timeout covers reads and writes; the connect gets its own deadline through the token.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(smtp.Timeout);
        try
        {
            await client.ConnectAsync(smtp.Host ?? string.Empty, smtp.Port, Secure(smtp.Security), deadline.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, deadline.Token);
            }

            await client.SendAsync(mime, deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryException($"The SMTP server {smtp.Host}:{smtp.Port} did not answer within {smtp.Timeout.TotalSeconds:0.#} s.", e);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or MailKit.ProtocolException
            or CommandException or AuthenticationException or SslHandshakeException)
        {
            throw new MailDeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {e.Message}", e);
        }
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
