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

    /// <summary>A token for a user whose password (or current token) was just verified.</summary>
    public TokenResponse Issue(UserView user, string securityStamp)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var expires = now + settings.Lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, user.Id),
                new Claim(ClaimNames.Role, RoleNames.Of(user.Role)),
                new Claim(ClaimNames.Name, user.Name),
                new Claim(ClaimNames.Email, user.Email),
                new Claim(ClaimNames.SecurityStamp, securityStamp),
            ]),
        });
        return new TokenResponse(token, expires, user);
    }
}
