namespace ProctorWise.Mail;

/// <summary>Where e-mail goes.</summary>
public enum MailProvider
{
    /// <summary>.eml files in <see cref="MailOptions.PickupPath"/> (the embedded default).</summary>
    Pickup = 0,

    /// <summary>An SMTP server (<see cref="MailOptions.Smtp"/>).</summary>
    Smtp = 1,
}
