using Microsoft.Extensions.Options;
using MimeKit;

namespace ProctorWise.Mail;

/// <summary>Refuses mail settings that could never deliver, naming the configuration key.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var section = MailOptions.Section;
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"{section}:From is '{options.From}'; it must be an address or 'Name <address>'.");
        }

        if (options.Provider == MailProvider.Pickup && string.IsNullOrWhiteSpace(options.PickupPath))
        {
            failures.Add($"{section}:PickupPath is empty.");
        }

        if (options.Provider == MailProvider.Smtp)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                failures.Add($"{section}:Smtp:Host is required when {section}:Provider is Smtp.");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{section}:Smtp:Port is {smtp.Port}; it must be between 1 and 65535.");
            }

            if (smtp.Timeout <= TimeSpan.Zero)
            {
                failures.Add($"{section}:Smtp:Timeout must be positive.");
            }

            if (!string.IsNullOrEmpty(smtp.Username) && string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add($"{section}:Smtp:Password is required with {section}:Smtp:Username; set it in the environment (Mail__Smtp__Password).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
