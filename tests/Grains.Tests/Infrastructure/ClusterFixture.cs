using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Ports;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Grains.Tests.Infrastructure;

/// <summary>
/// Two in-process silos wired exactly like production (<see cref="ProctorWiseSiloBuilderExtensions.AddProctorWiseGrains(ISiloBuilder, Microsoft.Extensions.Configuration.IConfiguration)"/>),
/// so grain calls cross a silo boundary and every DTO goes through the serializer. The domain clock is
/// <see cref="Clock"/>; the deadline tick is fast.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The domain clock of both silos.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>Where this cluster's evidence frames go (deleted with the fixture).</summary>
    public string EvidencePath { get; } = Path.Combine(Path.GetTempPath(), "pw-evidence-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where this cluster's facts land (deleted with the fixture).</summary>
    public string LakePath { get; } = Path.Combine(Path.GetTempPath(), "pw-lake-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where this cluster's e-mails are written (deleted with the fixture).</summary>
    public string MailPath { get; } = Path.Combine(Path.GetTempPath(), "pw-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The client's grain factory.</summary>
    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sessions:TickInterval"] = "00:00:00.200",
                ["LoginThrottle:MaxFailures"] = "3",
                ["Evidence:Path"] = EvidencePath,
                ["Lake:Path"] = LakePath,
                ["Mail:PickupPath"] = MailPath,
                // Tests check what the rules make of analysed frames, on two cores shared with other test hosts: the vision
                // workers keep the normal priority and a frame may wait the longest bound before it is shed, so a starved
                // low-priority worker does not turn a test's frame into a shed one (shedding is tested in Vision.Onnx.Tests).
                ["Vision:WorkerNice"] = "0",
                ["Vision:MaxQueueWait"] = "00:00:02",
                ["Vision:OverdueMaxQueueWait"] = "00:00:02",
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            // Before the production wiring, which only adds its publisher and hasher when none is registered.
            silo.Services.AddSingleton<IEventPublisher, FaultyEventPublisher>();
            silo.Services.AddSingleton<IPasswordHashing, RecordingPasswordHashing>();
            silo.AddProctorWiseGrains(configuration);
            silo.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (Directory.Exists(EvidencePath))
        {
            Directory.Delete(EvidencePath, recursive: true);
        }

        if (Directory.Exists(LakePath))
        {
            Directory.Delete(LakePath, recursive: true);
        }

        if (Directory.Exists(MailPath))
        {
            Directory.Delete(MailPath, recursive: true);
        }
    }
}
