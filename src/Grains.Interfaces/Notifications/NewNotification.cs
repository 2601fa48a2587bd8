namespace ProctorWise.Grains.Interfaces.Notifications;

/// <summary>
/// A notification for one user, rendered from a domain event. <see cref="SourceId"/> makes it idempotent: the
/// inbox keeps one notification per source, so a redelivered event adds nothing and sends no second e-mail.
/// </summary>
/// <param name="SourceId">The event id (or a derived id, e.g. per reminder or per digest window).</param>
/// <param name="Type">What it is about.</param>
/// <param name="Title">Title and e-mail subject (plain text).</param>
/// <param name="Text">Plain-text body (inbox and e-mail).</param>
/// <param name="Html">HTML body of the e-mail; every user-supplied value in it is escaped.</param>
/// <param name="Link">The web client's page it refers to, if any.</param>
[GenerateSerializer, Immutable, Alias("pw.new-notification")]
public sealed record class NewNotification(Guid SourceId, NotificationType Type, string Title, string Text, string Html, string? Link);
