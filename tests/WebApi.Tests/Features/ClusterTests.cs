using System.Net;
using System.Text.Json;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The admin Cluster page's data (<c>GET /api/admin/cluster</c>) and the Orleans dashboard at <c>/dashboard</c>: who may
/// see them, what the embedded silo reports, and how the dashboard's cookie is bounded (path, flags, role, revocation).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClusterTests(ApiFactory factory)
{
    private const string Cluster = "/api/admin/cluster";
    private const string DashboardSession = "/api/admin/dashboard/session";

    [Fact]
    public async Task AdministratorsSeeTheSilosTheirActivationsAndStreams()
    {
        var admin = await factory.AdminAsync();
        var cluster = await admin.GetAsync<JsonElement>(Cluster);

        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray(), s => s.GetProperty("status").GetString() == "active");
        Assert.Null(silo.GetProperty("probeError").GetString());
        Assert.Equal("memory", silo.GetProperty("streamTransport").GetString());
        Assert.Empty(silo.GetProperty("partitions").EnumerateArray());
        Assert.True(silo.GetProperty("activations").GetInt32() > 0);
        Assert.True(silo.GetProperty("startedAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        var address = silo.GetProperty("address").GetString();

        // Activations per grain type, on that silo; the user grain of the admin who just signed in is one of them.
        var activations = cluster.GetProperty("activations").EnumerateArray().ToList();
        Assert.All(activations, a => Assert.Equal(address, a.GetProperty("silo").GetString()));
        Assert.Contains(activations, a => a.GetProperty("grainType").GetString()!.Contains("UserGrain", StringComparison.Ordinal));
        Assert.Equal(silo.GetProperty("activations").GetInt32(), activations.Sum(a => a.GetProperty("activations").GetInt32()));
        Assert.True(cluster.GetProperty("dashboardEnabled").GetBoolean());
        Assert.Equal(JsonValueKind.Array, cluster.GetProperty("recentRuns").ValueKind);
    }

    [Fact]
    public async Task OnlyAdministratorsReachTheClusterOrTheDashboard()
    {
        var admin = await factory.AdminAsync();
        foreach (var role in new[] { UserRole.Teacher, UserRole.Proctor, UserRole.Student })
        {
            var user = await admin.NewUserAsync(role);
            await Expect.Problem(HttpStatusCode.Forbidden, await user.GetRawAsync(Cluster));
            await Expect.Problem(HttpStatusCode.Forbidden, await user.PostAsync(DashboardSession));
            await Expect.Status(HttpStatusCode.Forbidden, await user.GetRawAsync("/dashboard/"));
        }

        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().GetRawAsync(Cluster));
        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().PostAsync(DashboardSession));
        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().GetRawAsync("/dashboard/"));
    }

    [Fact]
    public async Task TheDashboardCookieOpensTheDashboardOnlyAndEndsWithTheAdminsRole()
    {
        var admin = await factory.AdminAsync();
        var other = await admin.NewUserAsync(UserRole.Admin);
        using var opened = await other.PostAsync(DashboardSession);
        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("pw_dashboard=", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];

        // A browser navigation with the cookie only: the dashboard's page, under a policy that refuses inline scripts.
        using var page = await SendWithCookieAsync("/dashboard/", cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);

        // The cookie is no credential anywhere else.
        using var api = await SendWithCookieAsync(Cluster, cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // Demoted, the same cookie no longer opens it.
        await Expect.Status(HttpStatusCode.OK, await admin.PatchAsync($"/api/users/{other.User!.Id}", new { role = UserRole.Teacher }));
        using var after = await SendWithCookieAsync("/dashboard/", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private Task<HttpResponseMessage> SendWithCookieAsync(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return factory.Anonymous().SendAsync(request);
    }
}
