namespace ProctorWise.Mail;

/// <summary>How the SMTP connection is secured (MailKit's <c>SecureSocketOptions</c>, spelled for operators).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (a relay on a trusted network, or a test server).</summary>
    None = 0,

    /// <summary>STARTTLS, required (usually port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect = 2,
}
