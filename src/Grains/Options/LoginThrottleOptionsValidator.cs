using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Grains.Options;

/// <summary>Refuses a login throttle that could never lock or never unlock, naming the configuration key.</summary>
public sealed class LoginThrottleOptionsValidator : IValidateOptions<LoginThrottleOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LoginThrottleOptions options)
    {
        var section = LoginThrottleOptions.Section;
        var failures = new List<string>();
        if (options.MaxFailures < 1)
        {
            failures.Add($"{section}:MaxFailures is {options.MaxFailures}; it must be at least 1.");
        }

        if (options.Window <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Window is {Show(options.Window)}; it must be positive.");
        }

        if (options.Lockout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Lockout is {Show(options.Lockout)}; it must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
