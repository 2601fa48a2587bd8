using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Grains.Options;

/// <summary>
/// Refuses notification settings that could not work, naming the configuration key. The two durable reminder periods
/// are checked against <c>Reminders:MinimumReminderPeriod</c>: Orleans refuses shorter periods only when a reminder is
/// registered, which would fail the first booking (or e-mail retry) instead of the start.
/// </summary>
public sealed class NotificationOptionsValidator(IOptions<ReminderOptions> reminders) : IValidateOptions<NotificationOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var section = NotificationOptions.Section;
        var failures = new List<string>();
        if (options.InboxLimit < 1)
        {
            failures.Add($"{section}:InboxLimit is {options.InboxLimit}; it must be at least 1.");
        }

        if (options.MailMaxAttempts < 1)
        {
            failures.Add($"{section}:MailMaxAttempts is {options.MailMaxAttempts}; it must be at least 1.");
        }

        Positive(nameof(options.ReminderCheckInterval), options.ReminderCheckInterval, failures);
        Positive(nameof(options.AnomalyDigestWindow), options.AnomalyDigestWindow, failures);
        Positive(nameof(options.MailRetryDelay), options.MailRetryDelay, failures);
        Positive(nameof(options.MailRetryCheckInterval), options.MailRetryCheckInterval, failures);
        var minimum = reminders.Value.MinimumReminderPeriod;
        AtLeastReminderMinimum(nameof(options.ReminderCheckInterval), options.ReminderCheckInterval, minimum, failures);
        AtLeastReminderMinimum(nameof(options.MailRetryCheckInterval), options.MailRetryCheckInterval, minimum, failures);
        if (options.MailMaxRetryDelay < options.MailRetryDelay)
        {
            failures.Add($"{section}:MailMaxRetryDelay is {Show(options.MailMaxRetryDelay)}; it must be at least {section}:MailRetryDelay ({Show(options.MailRetryDelay)}).");
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"{section}:PublicBaseUrl is '{url}'; it must be an absolute http(s) address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(string key, TimeSpan value, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{NotificationOptions.Section}:{key} is {Show(value)}; it must be positive.");
        }
    }

    private static void AtLeastReminderMinimum(string key, TimeSpan value, TimeSpan minimum, List<string> failures)
    {
        if (value > TimeSpan.Zero && value < minimum)
        {
            failures.Add($"{NotificationOptions.Section}:{key} is {Show(value)}; it must be at least {Show(minimum)} "
                + "(Reminders:MinimumReminderPeriod: Orleans refuses reminders that fire more often).");
        }
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
