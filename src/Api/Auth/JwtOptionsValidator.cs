using Microsoft.Extensions.Options;

namespace ProctorWise.Api.Auth;

/// <summary>
/// Refuses to start without a strong secret: no default secret ever runs in production. In Development
/// (<paramref name="secretOptional"/>) a missing secret means a random per-process key, but a secret that
/// is set must still be strong.
/// </summary>
internal sealed class JwtOptionsValidator(bool secretOptional = false) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrEmpty(options.Secret) && !secretOptional)
        {
            return ValidateOptionsResult.Fail("Jwt:Secret (environment variable Jwt__Secret) is not set. Set a random secret of at least 32 characters.");
        }

        if (!string.IsNullOrEmpty(options.Secret) && options.Secret.Length < JwtOptions.MinSecretLength)
        {
            return ValidateOptionsResult.Fail($"Jwt:Secret must be at least {JwtOptions.MinSecretLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            // An empty issuer or audience cannot be validated on incoming tokens.
            return ValidateOptionsResult.Fail($"Jwt:{(string.IsNullOrWhiteSpace(options.Issuer) ? "Issuer" : "Audience")} is empty.");
        }

        if (options.Lifetime <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"Jwt:Lifetime is {options.Lifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}; it must be positive.");
        }

        return options.SessionLifetime < options.Lifetime
            ? ValidateOptionsResult.Fail($"Jwt:SessionLifetime is {options.SessionLifetime}; it must be at least Jwt:Lifetime ({options.Lifetime}).")
            : ValidateOptionsResult.Success;
    }
}
