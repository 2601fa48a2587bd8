using Microsoft.Extensions.Options;
using ProctorWise.SparkConnect;

namespace ProctorWise.Analytics.SparkConnect;

/// <summary>Refuses Spark Connect settings that could not work, naming the configuration key.</summary>
public sealed class SparkConnectAnalyticsOptionsValidator : IValidateOptions<SparkConnectAnalyticsOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SparkConnectAnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = SparkConnectAnalyticsOptions.Section;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{section}:ConnectionString is required with Analytics:Engine=SparkConnect, e.g. sc://spark-connect:15002/ (sc://host:port/;token=…;use_ssl=true with a token).");
        }
        else
        {
            try
            {
                SparkConnectConnectionString.Parse(options.ConnectionString);
            }
            catch (FormatException e)
            {
                failures.Add($"{section}:ConnectionString is not a Spark Connect connection string: {e.Message}");
            }
        }

        if (options.LakeRoot is { } root && (string.IsNullOrWhiteSpace(root) || root.Contains('\'', StringComparison.Ordinal)))
        {
            failures.Add($"{section}:LakeRoot is '{root}'; it must be a path or URI without quotes (or unset for the lake's own folder).");
        }

        if (options.JobTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:JobTimeout is {options.JobTimeout}; it must be positive.");
        }

        if (options.MaxConcurrentRuns is < 1 or > 64)
        {
            failures.Add($"{section}:MaxConcurrentRuns is {options.MaxConcurrentRuns}; it must be between 1 and 64.");
        }

        if (options.MaxConcurrentReads is < 1 or > 64)
        {
            failures.Add($"{section}:MaxConcurrentReads is {options.MaxConcurrentReads}; it must be between 1 and 64.");
        }

        if (options.MaxSessionRestarts is < 0 or > 10)
        {
            failures.Add($"{section}:MaxSessionRestarts is {options.MaxSessionRestarts}; it must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
