using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProctorWise.Grains.Interfaces.Users;

namespace ProctorWise.Api.Auth;

/// <summary>Issues HS256 access tokens.</summary>
public sealed class TokenService(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>
    /// A token for a user whose password was just verified, or whose current token is being renewed
    /// (<paramref name="signedInAt"/>: the sign-in it renews, which bounds its expiry).
    /// </summary>
    public TokenResponse Issue(UserView user, string securityStamp, DateTimeOffset? signedInAt = null)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var since = signedInAt ?? now;
        var expires = Min(now + settings.Lifetime, since + settings.SessionLifetime);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(Claims(user, securityStamp, since)),
        });
        return new TokenResponse(token, expires, user);
    }

    private static IEnumerable<Claim> Claims(UserView user, string securityStamp, DateTimeOffset since)
    {
        yield return new Claim(ClaimNames.Subject, user.Id);
        yield return new Claim(ClaimNames.Role, RoleNames.Of(user.Role));
        yield return new Claim(ClaimNames.Name, user.Name);
        yield return new Claim(ClaimNames.Email, user.Email);
        yield return new Claim(ClaimNames.SecurityStamp, securityStamp);
        yield return new Claim(ClaimNames.SignedInAt, since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);
        if (user.MustChangePassword)
        {
            yield return new Claim(ClaimNames.MustChangePassword, "true", ClaimValueTypes.Boolean);
        }
    }

    /// <summary>When the sign-in that <paramref name="principal"/>'s token comes from may no longer be renewed; null if it carries no sign-in time.</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimNames.SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Whether a sign-in made at <paramref name="signedInAt"/> may still be renewed.</summary>
    public bool CanRenew(DateTimeOffset signedInAt) => clock.GetUtcNow() < signedInAt + options.Value.SessionLifetime;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
