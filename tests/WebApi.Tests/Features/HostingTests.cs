using System.Net;
using System.Text.Json;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>Health, OpenAPI, bootstrap admin and login throttling on the shared host.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostingTests(ApiFactory factory)
{
    [Fact]
    public async Task HealthEndpointsAnswer()
    {
        var client = await factory.AdminAsync();
        await Expect.Status(HttpStatusCode.OK, await client.GetRawAsync("/health/live"));
        var ready = await client.GetRawAsync("/health/ready");
        await Expect.Status(HttpStatusCode.OK, ready);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("checks")
            .EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["cluster"] = "Healthy", ["draining"] = "Healthy", ["membership"] = "Healthy", ["storage"] = "Healthy", ["streams"] = "Healthy", ["vision"] = "Healthy" },
            checks);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheContract()
    {
        var json = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/login", "/api/exams/{id}/slots", "/api/bookings/{id}/session", "/api/sessions/{id}/answers/{questionId}", "/api/submissions/{id}/publish" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.Equal("bearer", json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        await Expect.Status(HttpStatusCode.OK, await factory.Anonymous().GetRawAsync("/scalar/v1"));
    }

    [Fact]
    public async Task TheServerTellsItsTimeAndUnknownApiPathsAreProblems()
    {
        var client = factory.Anonymous();
        var time = JsonDocument.Parse(await client.GetStringAsync("/api/time")).RootElement.GetProperty("now").GetDateTimeOffset();
        Assert.InRange(time, factory.Clock.GetUtcNow().AddSeconds(-5), factory.Clock.GetUtcNow().AddSeconds(5));
        await Expect.Problem(HttpStatusCode.NotFound, await client.GetRawAsync("/api/no-such-thing"));
    }

    [Fact]
    public async Task TheBootstrapAdminFromConfigurationCanSignIn()
    {
        var admin = await factory.AdminAsync();
        Assert.Equal(Grains.Interfaces.Security.UserRole.Admin, admin.User!.Role);
    }

    [Fact]
    public async Task RepeatedFailedLoginsLockTheAddressEvenForTheRightPassword()
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(Grains.Interfaces.Security.UserRole.Student);
        var anonymous = factory.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            await Expect.Problem(HttpStatusCode.Unauthorized, await anonymous.PostAsync("/api/auth/login", new { email = student.User!.Email, password = "wrong-password" }));
        }

        var locked = await anonymous.PostAsync("/api/auth/login", new { email = student.User!.Email, password = "password-123" });
        await Expect.Problem(HttpStatusCode.TooManyRequests, locked);
        Assert.NotNull(locked.Headers.RetryAfter);
    }

    [Fact]
    public async Task UnknownAddressesAndWrongPasswordsGetTheSameAnswer()
    {
        var student = await (await factory.AdminAsync()).NewUserAsync(Grains.Interfaces.Security.UserRole.Student);
        var anonymous = factory.Anonymous();
        var wrong = await Expect.Problem(HttpStatusCode.Unauthorized, await anonymous.PostAsync("/api/auth/login", new { email = student.User!.Email, password = "nope-nope" }));
        var unknown = await Expect.Problem(HttpStatusCode.Unauthorized, await anonymous.PostAsync("/api/auth/login", new { email = "nobody@school.test", password = "nope-nope" }));
        Assert.Equal(wrong.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
    }
}
