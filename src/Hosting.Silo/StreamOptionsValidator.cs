using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting.Silo;

/// <summary>Refuses a poll interval the pulling agent cannot use, naming the configuration key.</summary>
public sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    /// <summary>The longest poll interval accepted: beyond it alerts would reach proctors visibly late.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, StreamOptions options) =>
        options.PollInterval <= TimeSpan.Zero || options.PollInterval > MaxPollInterval
            ? ValidateOptionsResult.Fail($"{StreamOptions.Section}:PollInterval is {Show(options.PollInterval)}; it must be positive and at most {Show(MaxPollInterval)}.")
            : ValidateOptionsResult.Success;

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
