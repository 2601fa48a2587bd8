namespace ProctorWise.Mail;

/// <summary>E-mail delivery (configuration section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mail";

    /// <summary>Pickup folder (default) or SMTP.</summary>
    public MailProvider Provider { get; set; } = MailProvider.Pickup;

    /// <summary>The sender, <c>Name &lt;address&gt;</c> or an address.</summary>
    public string From { get; set; } = "ProctorWise <no-reply@proctorwise.local>";

    /// <summary>The folder .eml files are written to; default <c>~/.local/share/ProctorWise/mail</c> (the user's local application data).</summary>
    public string PickupPath { get; set; } = DefaultPickupPath;

    /// <summary>The SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The default pickup folder.</summary>
    public static string DefaultPickupPath { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "ProctorWise", "mail");
}
