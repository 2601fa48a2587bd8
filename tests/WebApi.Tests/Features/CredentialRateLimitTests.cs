using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Login and registration are limited per client address (RateLimits:CredentialsPerMinute).</summary>
public sealed class CredentialRateLimitTests : IClassFixture<CredentialRateLimitTests.ThreePerMinuteFactory>
{
    private readonly ThreePerMinuteFactory _factory;

    public CredentialRateLimitTests(ThreePerMinuteFactory factory) => _factory = factory;

    [Fact]
    public async Task TheFourthCredentialRequestInAMinuteIsA429ProblemWithRetryAfterAndCreatesNothing()
    {
        var client = _factory.Anonymous();
        await Expect.Status(HttpStatusCode.Created, await client.PostAsync("/api/auth/register", new { name = "One", email = "one@limit.test", password = "password-1" }));
        await Expect.Problem(HttpStatusCode.Unauthorized, await client.PostAsync("/api/auth/login", new { email = "one@limit.test", password = "wrong-password" }));
        await Expect.Status(HttpStatusCode.OK, await client.PostAsync("/api/auth/login", new { email = "one@limit.test", password = "password-1" }));

        var refused = await client.PostAsync("/api/auth/register", new { name = "Four", email = "four@limit.test", password = "password-4" });
        await Expect.Problem(HttpStatusCode.TooManyRequests, refused);
        Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.ToString());

        // Other endpoints are not limited by it, and the refused registration created nothing.
        await Expect.Status(HttpStatusCode.OK, await client.GetRawAsync("/health/live"));
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        Assert.NotNull(await grains.GetGrain<IUserEmailIndexGrain>("one@limit.test").GetUserIdAsync());
        Assert.Null(await grains.GetGrain<IUserEmailIndexGrain>("four@limit.test").GetUserIdAsync());
    }

    /// <summary>A host allowing three credential requests per client address and minute.</summary>
    public sealed class ThreePerMinuteFactory : ApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["RateLimits:CredentialsPerMinute"] = "3";
            return settings;
        }
    }
}
