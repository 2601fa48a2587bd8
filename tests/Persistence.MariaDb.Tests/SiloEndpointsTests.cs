using System.Net;
using Microsoft.Extensions.Configuration;
using ProctorWise.Hosting.Silo;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// The Silo executable's HTTP side, on a real process: liveness, readiness once this silo is Active in
/// MariaDB membership, Prometheus metrics with Orleans' and the runtime's instruments.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SiloEndpointsTests(MariaDbServer server) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = server.ConnectionString }).Build();
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], configuration, output, Cancel));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ASiloProcessIsLiveThenReadyOnceActiveAndServesOrleansAndRuntimeMetrics()
    {
        // The check lines are shown to every caller only when an operator turns them on (off outside Development).
        var settings = MariaDbCluster.Settings(server.ConnectionString, MariaDbCluster.NewServiceId(), new Dictionary<string, string?> { ["Health:PublicDetails"] = "true" });
        using var silo = SiloProcess.Start(settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings[SiloWebHostExtensions.HttpPortKey]}") };

        var ready = await SiloHttp.UntilAsync(http, "/health/ready", silo);
        Assert.Contains("\"membership\"", ready, StringComparison.Ordinal);
        Assert.Contains("is Active in membership", ready, StringComparison.Ordinal);
        Assert.Contains("\"storage\"", ready, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live", Cancel)).StatusCode);

        // Observable Orleans instruments (activations, membership) are there from the first scrape.
        var metrics = await http.GetStringAsync("/metrics", Cancel);
        var names = metrics.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(names, n => n.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("dotnet_", StringComparison.Ordinal));
    }
}
