using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Grains.Options;

/// <summary>
/// Refuses session timings that would misbehave at run time, naming the configuration key. The deadline
/// reminder is checked against <c>Reminders:MinimumReminderPeriod</c>: Orleans refuses shorter periods when
/// the reminder is registered, which would otherwise fail the first session of the day rather than the start.
/// </summary>
public sealed class ExamSessionOptionsValidator(IOptions<ReminderOptions> reminders) : IValidateOptions<ExamSessionOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ExamSessionOptions options)
    {
        var section = ExamSessionOptions.Section;
        var failures = new List<string>();
        if (options.TickInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:TickInterval is {Show(options.TickInterval)}; it must be positive.");
        }

        var minimum = reminders.Value.MinimumReminderPeriod;
        if (options.DeadlineReminderPeriod < minimum)
        {
            failures.Add($"{section}:DeadlineReminderPeriod is {Show(options.DeadlineReminderPeriod)}; it must be at least {Show(minimum)} "
                + "(Reminders:MinimumReminderPeriod: Orleans refuses reminders that fire more often).");
        }

        if (options.EvidenceRetention <= TimeSpan.Zero)
        {
            failures.Add($"{section}:EvidenceRetention is {Show(options.EvidenceRetention)}; it must be positive (reviewers need the frames after the session).");
        }

        if (options.MaxEvidencePerSession < 0)
        {
            failures.Add($"{section}:MaxEvidencePerSession is {options.MaxEvidencePerSession}; it must be 0 (keep no frames) or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
