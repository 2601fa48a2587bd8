using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Grains.Analytics;

/// <summary>Checks an administrator's run request and turns it into the runs to start, in order.</summary>
public static class AnalyticsRunPlan
{
    /// <summary>
    /// The runs: one period of the job, or with <see cref="AnalyticsRunCommand.Chain"/> the job and those after it in
    /// chain order, for the day, its ISO week and its month. A period that has begun may run (a partial period, replaced
    /// when the schedule runs it complete); one that has not begun is refused.
    /// </summary>
    /// <exception cref="ProctorWiseException">A validation error naming <c>job</c> or <c>period</c>.</exception>
    public static IReadOnlyList<(AnalyticsJobDefinition Job, AnalyticsPeriod Period)> From(AnalyticsRunCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var job = JobCatalog.Find(command.Job)
            ?? throw ProctorWiseException.Invalid("job", $"Unknown job '{command.Job}'; expected one of: {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
        var kind = command.Chain ? PeriodKind.Daily : job.PeriodKind;
        if (string.IsNullOrWhiteSpace(command.Period))
        {
            throw ProctorWiseException.Invalid("period", $"Required: {AnalyticsPeriod.Example(kind)}.");
        }

        if (!AnalyticsPeriod.TryParse(kind, command.Period, out var period))
        {
            throw ProctorWiseException.Invalid("period", command.Chain
                ? $"'{command.Period}' is not a day; a chain runs for a day, expected {AnalyticsPeriod.Example(kind)}."
                : $"'{command.Period}' is not a {kind.ToString().ToLowerInvariant()} period of {job.Name}; expected {AnalyticsPeriod.Example(kind)}.");
        }

        if (period.Start > now)
        {
            throw ProctorWiseException.Invalid("period", $"{period.Key} has not begun yet; only past or current periods can run.");
        }

        return command.Chain
            ? [.. JobCatalog.All.SkipWhile(j => j != job).Select(j => (j, AnalyticsPeriod.Containing(j.PeriodKind, period.Start)))]
            : [(job, period)];
    }
}
