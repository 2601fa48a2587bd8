using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProctorWise.Hosting;
using ProctorWise.Hosting.Silo;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// A silo's <c>/health/ready</c> (the silo executable's endpoints, without the silo): it has no sign-in, so
/// its check lines, which name paths and hosts, are shown only when configuration turns them on.
/// </summary>
public sealed class SiloHealthDetailsTests
{
    private const string SecretPath = "/var/lib/proctorwise/evidence";

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    public async Task CheckLinesAreShownOnlyWhenConfigured(string environment, string? publicDetails, bool shown)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration["Health:PublicDetails"] = publicDetails;
        builder.Configuration["Telemetry:Exporter"] = "none";
        builder.AddProctorWiseSiloEndpoints();
        builder.Services.AddHealthChecks().AddCheck("storage", () => HealthCheckResult.Healthy($"evidence in {SecretPath}"), tags: [HealthEndpoints.ReadyTag]);
        await using var app = builder.Build();
        app.MapProctorWiseSiloEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);

        var response = await app.GetTestClient().GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(shown, body.TryGetProperty("checks", out _));
        Assert.Equal(shown, text.Contains(SecretPath, StringComparison.Ordinal));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
