using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Notifications;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Mail;

/// <summary>
/// Writes each e-mail as an .eml file into <see cref="MailOptions.PickupPath"/> (the embedded default): written to a
/// temporary name, then renamed, so a reader of the folder never sees half a message. The name is the message's id,
/// so a retry overwrites rather than duplicates.
/// </summary>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options) : IMailSender
{
    /// <inheritdoc/>
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = options.Value.PickupPath;
        var path = Path.Combine(folder, $"{message.MessageId}.eml");
        var temporary = path + ".tmp";
        try
        {
            Directory.CreateDirectory(folder);
            using var mime = MimeMessages.From(message, options.Value.From);
            await mime.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException($"Could not write {path}: {e.Message}", e);
        }
    }
}
