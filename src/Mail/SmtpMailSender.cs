using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Mail;

/// <summary>
/// Sends over SMTP with MailKit: one connection per message (notifications are few; a pooled connection would have
/// to survive server restarts). Every failure, including a server that never answers within
/// <see cref="SmtpOptions.Timeout"/>, becomes a <see cref="MailDeliveryException"/> the caller retries. Once the server
/// has accepted the message it is delivered: a failed QUIT after that is logged, never retried (that would send it twice).
/// </summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
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
        }
        catch (Exception e) when ((e is OperationCanceledException && !cancellationToken.IsCancellationRequested) || e is TimeoutException)
        {
            // Our deadline (connect) or MailKit's own read/write timeout: either way the server did not answer in time.
            throw new MailDeliveryException($"The SMTP server {smtp.Host}:{smtp.Port} did not answer within {smtp.Timeout.TotalSeconds:0.#} s.", e);
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException
            or CommandException or AuthenticationException or SslHandshakeException)
        {
            throw new MailDeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {e.Message}", e);
        }

        try
        {
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or TimeoutException or MailKit.ProtocolException or CommandException)
        {
            LogQuitFailed(logger, e, smtp.Host ?? string.Empty, smtp.Port);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP {Host}:{Port} accepted the message but the QUIT that followed failed; the message counts as sent.")]
    private static partial void LogQuitFailed(ILogger logger, Exception error, string host, int port);

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
