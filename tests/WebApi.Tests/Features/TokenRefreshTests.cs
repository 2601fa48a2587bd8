using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using ProctorWise.Api.Auth;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Renewing a token keeps the original sign-in time, so a sign-in cannot be stretched forever (Jwt:SessionLifetime, 12 h by default).</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenRefreshTests(ApiFactory factory)
{
    private static readonly TimeSpan s_sessionLifetime = new JwtOptions().SessionLifetime;

    [Fact]
    public async Task ARenewedTokenKeepsTheSignInTimeAndNeverOutlivesIt()
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        var signedInAt = SignedInAt(student.Token!);

        var renewed = await student.ReadAsync<TokenResponse>(await student.PostAsync("/api/auth/refresh"));

        Assert.Equal(signedInAt, SignedInAt(renewed.AccessToken));
        Assert.True(renewed.ExpiresAt <= signedInAt + s_sessionLifetime);
    }

    [Fact]
    public async Task ASignInOlderThanTheSessionLifetimeCannotBeRenewed()
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        var old = TestTokens.Resign(student.Token!, signedInAt: DateTimeOffset.UtcNow - s_sessionLifetime - TimeSpan.FromMinutes(1));
        var stale = factory.Anonymous().WithToken(old, student.User);

        var problem = await Expect.Problem(HttpStatusCode.Unauthorized, await stale.PostAsync("/api/auth/refresh"));

        Assert.Contains("sign in again", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATokenWithoutASignInTimeCannotBeRenewed()
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        var unbounded = factory.Anonymous().WithToken(TestTokens.Resign(student.Token!, withoutSignedInAt: true), student.User);

        await Expect.Problem(HttpStatusCode.Unauthorized, await unbounded.PostAsync("/api/auth/refresh"));
    }

    [Fact]
    public async Task ASignInNearItsEndGetsATokenThatEndsWithIt()
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(UserRole.Student);
        var signedInAt = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow - s_sessionLifetime + TimeSpan.FromMinutes(10)).ToUnixTimeSeconds());
        var late = factory.Anonymous().WithToken(TestTokens.Resign(student.Token!, signedInAt: signedInAt), student.User);

        var renewed = await late.ReadAsync<TokenResponse>(await late.PostAsync("/api/auth/refresh"));

        Assert.Equal(signedInAt + s_sessionLifetime, renewed.ExpiresAt);
    }

    private static DateTimeOffset SignedInAt(string token) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(new JsonWebToken(token).GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture));
}
