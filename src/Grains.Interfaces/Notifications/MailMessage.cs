namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>An e-mail to one recipient, in plain text and HTML (the HTML already escaped by the template).</summary>
/// <param name="ToAddress">The recipient's address.</param>
/// <param name="ToName">The recipient's display name.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
/// <param name="MessageId">A stable id (the notification's), so a retry after an unknown outcome is recognisable as the same message.</param>
[GenerateSerializer, Immutable, Alias("pw.mail-message")]
public sealed record class MailMessage(string ToAddress, string ToName, string Subject, string Text, string Html, string MessageId);
