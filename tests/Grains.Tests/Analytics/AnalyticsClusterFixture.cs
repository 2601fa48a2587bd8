using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Ports;
using ProctorWise.Hosting.Silo;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Analytics;

/// <summary>
/// Two silos wired like production over a lake of their own, with the engine wrapped in
/// <see cref="ScriptedAnalyticsEngine"/>, a movable domain clock and retries a fraction of a second apart.
/// </summary>
public sealed class AnalyticsClusterFixture : IAsyncLifetime
{
    /// <summary>The domain clock of both silos.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>The cluster's lake (deleted with the fixture).</summary>
    public string LakePath { get; } = Path.Combine(Path.GetTempPath(), "pw-lake-" + Guid.NewGuid().ToString("N"));

    private string EvidencePath { get; } = Path.Combine(Path.GetTempPath(), "pw-evidence-" + Guid.NewGuid().ToString("N"));

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The client's grain factory.</summary>
    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Evidence:Path"] = EvidencePath,
                ["Lake:Path"] = LakePath,
                ["Analytics:Jobs:RetryDelay"] = "00:00:00.100",
                ["Analytics:Jobs:MaxRetryDelay"] = "00:00:00.400",
                ["Analytics:Jobs:MaxAttempts"] = "3",
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddProctorWiseGrains(configuration);
            silo.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
            silo.Services.AddSingleton<IAnalyticsEngine>(sp => new ScriptedAnalyticsEngine(sp.GetRequiredService<DuckDbAnalyticsEngine>()));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        // The lake writer has landed something: the raw zone exists, as it does on any running platform.
        await WriteAsync(Anomaly("fixture-exam", "fixture-student", new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>Lands events as the lake writer does.</summary>
    public Task WriteAsync(params DomainEvent[] events) =>
        new ParquetEventWriter(new LocalLakeStorage(LakePath)).WriteAsync(events, TestContext.Current.CancellationToken);

    /// <summary>A closed anomaly that started at <paramref name="at"/>.</summary>
    public static AnomalyClosed Anomaly(string exam, string student, DateTimeOffset at, Severity severity = Severity.High) =>
        new(Guid.CreateVersion7(), at, "anomaly-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher",
            AnomalyType.NoFace, severity, null, at, at.AddSeconds(10), 10, 1, "no face for 10 s");

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        foreach (var folder in new[] { LakePath, EvidencePath })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
