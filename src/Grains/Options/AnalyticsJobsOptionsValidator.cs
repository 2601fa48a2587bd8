using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Grains.Options;

/// <summary>
/// Refuses analytics settings that would misbehave at run time, naming the key. Reminder periods are checked against
/// <c>Reminders:MinimumReminderPeriod</c>, which Orleans enforces only when the reminder is registered.
/// </summary>
public sealed class AnalyticsJobsOptionsValidator(IOptions<ReminderOptions> reminders) : IValidateOptions<AnalyticsJobsOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AnalyticsJobsOptions options)
    {
        const string S = AnalyticsJobsOptions.Section;
        var failures = new List<string>();
        TimeOfDay($"{S}:DailyAt", options.DailyAt, failures);
        TimeOfDay($"{S}:WeeklyAt", options.WeeklyAt, failures);
        TimeOfDay($"{S}:MonthlyAt", options.MonthlyAt, failures);
        var minimum = reminders.Value.MinimumReminderPeriod;
        AtLeast($"{S}:CheckInterval", options.CheckInterval, minimum, failures);
        if (options.CatchUpWindow < TimeSpan.Zero)
        {
            failures.Add($"{S}:CatchUpWindow is {Show(options.CatchUpWindow)}; it must be 0 (no catch-up) or more.");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add($"{S}:MaxAttempts is {options.MaxAttempts}; it must be between 1 and 20.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{S}:RetryDelay is {Show(options.RetryDelay)} and {S}:MaxRetryDelay {Show(options.MaxRetryDelay)}; the delay must be positive and the maximum at least the delay.");
        }

        foreach (var (key, value) in new[]
        {
            ("RawRetention", options.RawRetention), ("DailyOutputRetention", options.DailyOutputRetention),
            ("WeeklyOutputRetention", options.WeeklyOutputRetention), ("MonthlyOutputRetention", options.MonthlyOutputRetention),
        })
        {
            if (value < TimeSpan.Zero)
            {
                failures.Add($"{S}:{key} is {Show(value)}; it must be 0 (keep for ever) or more.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void TimeOfDay(string key, TimeSpan value, List<string> failures)
    {
        if (value < TimeSpan.Zero || value >= TimeSpan.FromDays(1))
        {
            failures.Add($"{key} is {Show(value)}; it must be a time of day, 00:00:00 to 23:59:59 (UTC).");
        }
    }

    private static void AtLeast(string key, TimeSpan value, TimeSpan minimum, List<string> failures)
    {
        if (value < minimum)
        {
            failures.Add($"{key} is {Show(value)}; it must be at least {Show(minimum)} (Reminders:MinimumReminderPeriod: Orleans refuses reminders that fire more often).");
        }
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
