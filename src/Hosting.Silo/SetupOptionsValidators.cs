using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// A half-set bootstrap admin used to be skipped without a word, leaving a production store with no way
/// in; a weak password failed later, inside a start-up task. Both now stop the start, naming the key.
/// </summary>
public sealed class BootstrapOptionsValidator : IValidateOptions<BootstrapOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, BootstrapOptions options)
    {
        var section = BootstrapOptions.Section;
        var hasEmail = !string.IsNullOrWhiteSpace(options.AdminEmail);
        var hasPassword = !string.IsNullOrEmpty(options.AdminPassword);
        if (hasEmail != hasPassword)
        {
            var (set, missing) = hasEmail ? ("AdminEmail", "AdminPassword") : ("AdminPassword", "AdminEmail");
            return ValidateOptionsResult.Fail($"{section}:{set} is set but {section}:{missing} is not; set both or neither.");
        }

        return hasPassword && options.AdminPassword!.Length < BootstrapOptions.MinPasswordLength
            ? ValidateOptionsResult.Fail($"{section}:AdminPassword has {options.AdminPassword.Length} characters; it must have at least {BootstrapOptions.MinPasswordLength}.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>Refuses demo settings the setup grain would reject later, naming the key.</summary>
public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var section = DemoOptions.Section;
        var failures = new List<string>();
        if (options.Password is null || options.Password.Length < BootstrapOptions.MinPasswordLength)
        {
            failures.Add($"{section}:Password has {options.Password?.Length ?? 0} characters; it must have at least {BootstrapOptions.MinPasswordLength}.");
        }

        if (options.FirstSlotDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:FirstSlotDelay is {options.FirstSlotDelay.ToString("c", CultureInfo.InvariantCulture)}; it must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
