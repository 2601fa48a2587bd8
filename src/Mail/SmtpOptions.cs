namespace ProctorWise.Mail;

/// <summary>The SMTP server (section <c>Mail:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name.</summary>
    public string? Host { get; set; }

    /// <summary>The port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The user name, when the server requires authentication.</summary>
    public string? Username { get; set; }

    /// <summary>The password: only from the environment (<c>Mail__Smtp__Password</c>), never in a file.</summary>
    public string? Password { get; set; }

    /// <summary>How long one SMTP operation may take before the attempt counts as failed (a server that never answers).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
