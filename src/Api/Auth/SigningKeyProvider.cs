using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ProctorWise.Api.Auth;

/// <summary>
/// The token signing key: the configured secret, or in Development only a random per-process key
/// (tokens then do not survive a restart, which is the honest behaviour without a secret).
/// </summary>
public sealed partial class SigningKeyProvider
{
    /// <summary>Builds the key from the options.</summary>
    public SigningKeyProvider(IOptions<JwtOptions> options, IHostEnvironment environment, ILogger<SigningKeyProvider> logger)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException("Jwt:Secret is required outside Development.");
            }

            LogEphemeralKey(logger);
            Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
        }
        else
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
        }
    }

    /// <summary>The HMAC key.</summary>
    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jwt:Secret is not set: using a random key for this process (Development only). Tokens will not survive a restart.")]
    private static partial void LogEphemeralKey(ILogger logger);
}
