using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProctorWise.TestSupport.Web;

/// <summary>Copies of real tokens signed by the test, to vary one property (expiry, sign-in time, key, issuer, audience).</summary>
public static class TestTokens
{
    /// <summary>The audience the test host validates.</summary>
    public const string Audience = "proctorwise";

    /// <summary>
    /// A token with <paramref name="token"/>'s subject, role and stamp, signed as told. Its sign-in time is the
    /// original's unless <paramref name="signedInAt"/> says otherwise, or absent when <paramref name="withoutSignedInAt"/>.
    /// </summary>
    public static string Resign(
        string token,
        DateTime? expires = null,
        DateTimeOffset? signedInAt = null,
        bool withoutSignedInAt = false,
        string secret = ApiFactory.JwtSecret,
        string issuer = ApiFactory.JwtIssuer,
        string audience = Audience)
    {
        var real = new JsonWebToken(token);
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        var claims = new List<Claim>
        {
            new("sub", real.Subject),
            new("role", real.GetClaim("role").Value),
            new("pw_stamp", real.GetClaim("pw_stamp").Value),
        };
        if (!withoutSignedInAt)
        {
            var since = signedInAt?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                ?? (real.TryGetClaim("auth_time", out var original) ? original.Value : null);
            if (since is not null)
            {
                claims.Add(new Claim("auth_time", since, ClaimValueTypes.Integer64));
            }
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = until.AddHours(-2),
            NotBefore = until.AddHours(-2),
            Expires = until,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(claims),
        });
    }
}
