using Microsoft.Extensions.Options;

namespace ProctorWise.Grains.Options;

/// <summary>Refuses alert thresholds that could never or would always fire, naming the key.</summary>
public sealed class AnalyticsAlertOptionsValidator : IValidateOptions<AnalyticsAlertOptions>
{
    /// <summary>The most anomalies the critical alert looks at (one platform request reads them).</summary>
    public const int MaxRecentAnomalies = 10_000;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AnalyticsAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = AnalyticsAlertOptions.Section;
        var failures = new List<string>();
        if (options.AnomalySpike < 0)
        {
            failures.Add($"{section}:AnomalySpike is {options.AnomalySpike}; it must be 0 or more.");
        }

        if (options.RecentAnomalies is < 1 or > MaxRecentAnomalies)
        {
            failures.Add($"{section}:RecentAnomalies is {options.RecentAnomalies}; it must be between 1 and {MaxRecentAnomalies}.");
        }

        if (options.CriticalAnomalies < 0 || options.CriticalAnomalies >= options.RecentAnomalies)
        {
            failures.Add($"{section}:CriticalAnomalies is {options.CriticalAnomalies}; it must be 0 or more and below "
                + $"{section}:RecentAnomalies ({options.RecentAnomalies}), or the alert could never fire.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
