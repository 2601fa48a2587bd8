using MimeKit;
using ProctorWise.Grains.Interfaces.Notifications;

namespace ProctorWise.Mail;

/// <summary>Builds the MIME message (multipart/alternative: text, then HTML) both senders deliver.</summary>
internal static class MimeMessages
{
    public static MimeMessage From(MailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;

        // Stable per notification: a retry after an unknown outcome carries the same id, so clients can drop a duplicate.
        var domain = mime.From.Mailboxes.First().Domain;
        mime.MessageId = $"{message.MessageId}@{(string.IsNullOrEmpty(domain) ? "proctorwise.local" : domain)}";
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }
}
