using System.Net;
using System.Net.Http.Json;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// Behind a reverse proxy (forwarded headers on, in Production) only the listed proxies set the client's
/// address and scheme: a client elsewhere cannot pick its own address to walk past the login lockout and the
/// per-address rate limit. Each test brings a host of its own (the test client connects from loopback).
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string ForgedTitle = "Too many failed attempts.";

    [Fact]
    public async Task AForgedForwardedForFromAnUnlistedAddressChangesNeitherTheLockoutNorTheRateLimit()
    {
        // The only proxy is a documentation address (TEST-NET-1): loopback is not it.
        await using var factory = new ProxyFactory(("ForwardedHeaders:KnownProxies:0", "192.0.2.10"));
        await factory.InitializeAsync();
        var student = (await (await factory.AdminAsync()).NewUserAsync(UserRole.Student)).User!;
        var anonymous = factory.Anonymous();

        // Three failures, each claiming another address: all count against the one real address.
        for (var i = 1; i <= 3; i++)
        {
            await Expect.Problem(HttpStatusCode.Unauthorized, await LoginAsync(anonymous, $"203.0.113.{i}", student.Email, "wrong-password"));
        }

        var locked = await Expect.Problem(HttpStatusCode.TooManyRequests, await LoginAsync(anonymous, "203.0.113.99", student.Email, "password-123"));
        Assert.Equal(ForgedTitle, locked.GetProperty("title").GetString());

        // Six credential requests so far (the admin's and the student's sign-ins, four attempts) reach the limit
        // of six a minute: a new forged address does not get a fresh allowance.
        var limited = await Expect.Problem(HttpStatusCode.TooManyRequests, await LoginAsync(anonymous, "203.0.113.200", "nobody@school.test", "whatever-1"));
        Assert.Equal("Too many requests.", limited.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AListedProxySetsTheClientAddressAndTheSchemeForHsts()
    {
        await using var factory = new ProxyFactory(("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8"), ("ForwardedHeaders:KnownNetworks:1", "::1/128"));
        await factory.InitializeAsync();
        var student = (await (await factory.AdminAsync()).NewUserAsync(UserRole.Student)).User!;
        var anonymous = factory.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            await Expect.Problem(HttpStatusCode.Unauthorized, await LoginAsync(anonymous, "203.0.113.1", student.Email, "wrong-password"));
        }

        // The lockout is per client address as the proxy reports it: another client still signs in.
        await Expect.Status(HttpStatusCode.OK, await LoginAsync(anonymous, "203.0.113.2", student.Email, "password-123"));
        var locked = await Expect.Problem(HttpStatusCode.TooManyRequests, await LoginAsync(anonymous, "203.0.113.1", student.Email, "password-123"));
        Assert.Equal(ForgedTitle, locked.GetProperty("title").GetString());

        // HSTS goes with HTTPS only, here as the proxy forwards it, for the site's own host name.
        using var https = new HttpRequestMessage(HttpMethod.Get, "/api/time");
        https.Headers.Host = "exams.school.test";
        https.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await anonymous.SendAsync(https);
        await Expect.Status(HttpStatusCode.OK, secure);
        Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);

        using var plain = new HttpRequestMessage(HttpMethod.Get, "/api/time");
        plain.Headers.Host = "exams.school.test";
        Assert.False((await anonymous.SendAsync(plain)).Headers.Contains("Strict-Transport-Security"));
    }

    private static Task<HttpResponseMessage> LoginAsync(ApiClient client, string forwardedFor, string email, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    /// <summary>A production host behind a reverse proxy, with six credential requests per address and minute.</summary>
    private sealed class ProxyFactory(params (string Key, string Value)[] proxies) : ApiFactory
    {
        protected override string EnvironmentName => "Production";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["ForwardedHeaders_Enabled"] = "true";
            settings["RateLimits:CredentialsPerMinute"] = "6";
            foreach (var (key, value) in proxies)
            {
                settings[key] = value;
            }

            return settings;
        }
    }
}
