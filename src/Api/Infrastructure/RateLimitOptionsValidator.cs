using Microsoft.Extensions.Options;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Refuses a limit the fixed-window limiter would reject on the first login (it throws on a negative
/// permit count) or that would lock every client out (0), naming the configuration key.
/// </summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        options.CredentialsPerMinute < 1
            ? ValidateOptionsResult.Fail($"{RateLimitOptions.Section}:CredentialsPerMinute is {options.CredentialsPerMinute}; it must be at least 1.")
            : ValidateOptionsResult.Success;
}
