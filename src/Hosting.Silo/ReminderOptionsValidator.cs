using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// Orleans' own check of <see cref="ReminderOptions"/> runs late and names the class's properties; this one
/// runs when the host starts and names the keys an operator sets (<c>Reminders:*</c>).
/// </summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reminders";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        Positive(nameof(ReminderOptions.MinimumReminderPeriod), options.MinimumReminderPeriod, failures);
        Positive(nameof(ReminderOptions.RefreshReminderListPeriod), options.RefreshReminderListPeriod, failures);
        Positive(nameof(ReminderOptions.InitializationTimeout), options.InitializationTimeout, failures);
        if (options.ReminderLoadingWindow < options.RefreshReminderListPeriod)
        {
            // Reminders due between two refreshes would not be loaded in time.
            failures.Add($"{Section}:ReminderLoadingWindow is {Show(options.ReminderLoadingWindow)}; it must be at least "
                + $"{Section}:RefreshReminderListPeriod ({Show(options.RefreshReminderListPeriod)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(string property, TimeSpan value, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{property} is {Show(value)}; it must be positive.");
        }
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
