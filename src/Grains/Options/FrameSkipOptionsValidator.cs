using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Grains.Options;

/// <summary>Refuses skip settings that would let a frozen picture go unchecked or make every frame "changed", naming the key.</summary>
public sealed class FrameSkipOptionsValidator : IValidateOptions<FrameSkipOptions>
{
    /// <summary>The longest <see cref="FrameSkipOptions.MaxInterval"/> accepted: beyond it the camera rules (seconds) would be blind.</summary>
    public static readonly TimeSpan LongestInterval = TimeSpan.FromSeconds(60);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, FrameSkipOptions options)
    {
        var section = FrameSkipOptions.Section;
        var failures = new List<string>();
        if (options.MaxInterval < TimeSpan.FromSeconds(1) || options.MaxInterval > LongestInterval)
        {
            failures.Add($"{section}:MaxInterval is {options.MaxInterval.ToString("c", CultureInfo.InvariantCulture)}; it must be between 00:00:01 and {LongestInterval.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (!(options.MaxMeanDifference is >= 0 and <= 255))
        {
            failures.Add($"{section}:MaxMeanDifference is {Show(options.MaxMeanDifference)}; it must be between 0 and 255.");
        }

        if (!(options.MaxChangedFraction is >= 0 and <= 1))
        {
            failures.Add($"{section}:MaxChangedFraction is {Show(options.MaxChangedFraction)}; it must be between 0 and 1.");
        }

        if (options.ChangedCellLevel is < 1 or > 255)
        {
            failures.Add($"{section}:ChangedCellLevel is {options.ChangedCellLevel}; it must be between 1 and 255.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
