using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>Refuses DuckDB settings that DuckDB would reject at the first run, naming the configuration key.</summary>
public sealed partial class DuckDbAnalyticsOptionsValidator : IValidateOptions<DuckDbAnalyticsOptions>
{
    /// <summary>The most threads, runs or reads accepted.</summary>
    public const int MaxParallelism = 256;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DuckDbAnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = DuckDbAnalyticsOptions.Section;
        var failures = new List<string>();
        if (options.MemoryLimit is { } limit && !MemorySize().IsMatch(limit))
        {
            failures.Add($"{section}:MemoryLimit is '{limit}'; it must be a size such as 512MB, 2GB or 1.5GiB (or unset for DuckDB's default).");
        }

        if (options.Threads is { } threads && threads is < 1 or > MaxParallelism)
        {
            failures.Add($"{section}:Threads is {threads}; it must be between 1 and {MaxParallelism} (or unset for the number of cores).");
        }

        if (options.TempDirectory is { } temp && (string.IsNullOrWhiteSpace(temp) || temp.Contains('\'', StringComparison.Ordinal)))
        {
            failures.Add($"{section}:TempDirectory is '{temp}'; it must be a folder path without quotes (or unset).");
        }

        if (options.MaxConcurrentRuns is < 1 or > MaxParallelism)
        {
            failures.Add($"{section}:MaxConcurrentRuns is {options.MaxConcurrentRuns}; it must be between 1 and {MaxParallelism}.");
        }

        if (options.MaxConcurrentReads is < 1 or > MaxParallelism)
        {
            failures.Add($"{section}:MaxConcurrentReads is {options.MaxConcurrentReads}; it must be between 1 and {MaxParallelism}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemorySize();
}
