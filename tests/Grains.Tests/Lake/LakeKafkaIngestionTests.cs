using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;
using Parquet;
using ProctorWise.Grains.Interfaces.Cluster;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Lake;
using ProctorWise.Grains.Ports;
using ProctorWise.Hosting.Silo;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Lake;

/// <summary>
/// A silo wired like production on Kafka streams (librdkafka's mock cluster) lands facts through the lake's consumer
/// group only: the memory-stream path (the ingest grain and its sink) is absent, so each fact is written once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LakeKafkaIngestionTests : IAsyncDisposable
{
    private readonly KafkaMockCluster _kafka = new();
    private readonly ShiftableClock _clock = new();
    private readonly string _lake = Path.Combine(Path.GetTempPath(), "pw-lake-" + Guid.NewGuid().ToString("N"));
    private readonly string _evidence = Path.Combine(Path.GetTempPath(), "pw-evidence-" + Guid.NewGuid().ToString("N"));
    private InProcessTestCluster? _cluster;

    [Fact]
    public async Task OnKafkaOnlyTheConsumerGroupWritesAndEachFactLandsOnce()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ".";
        foreach (var ns in StreamNamespaces.All)
        {
            _kafka.CreateTopic(prefix + ns, 4);
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kafka:BootstrapServers"] = _kafka.BootstrapServers,
                ["Kafka:TopicPrefix"] = prefix,
                ["Lake:Path"] = _lake,
                ["Lake:FlushInterval"] = "00:00:01",
                ["Evidence:Path"] = _evidence,
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddProctorWiseGrains(configuration);
            silo.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, _clock);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync(TestContext.Current.CancellationToken);

        var services = _cluster.Silos[0].ServiceProvider;
        Assert.DoesNotContain(typeof(LakeIngestGrain), services.GetRequiredService<IOptions<GrainTypeOptions>>().Value.Classes);
        Assert.Null(services.GetService<ILakeEventSink>());

        var user = await new Scenario(_cluster.Client, _clock).UserAsync(UserRole.Student);
        var files = await Eventually.UntilAsync(
            () => FilesHoldingAsync(user.UserId),
            f => f.Count > 0,
            "the user's registration in the lake");
        Assert.StartsWith(Path.Combine(_lake, "raw", "users", "date="), Assert.Single(files), StringComparison.Ordinal);

        // The silo's probe (admin Cluster page) reports the Kafka partitions its pulling agents own, with their lag.
        var silo = _cluster.Silos[0].SiloAddress.ToParsableString();
        var report = await Eventually.UntilAsync(
            () => _cluster.Client.GetGrain<ISiloProbeGrain>(silo).ReportAsync(),
            r => r.Partitions.Count > 0,
            "the partitions the silo owns in its probe's report");
        Assert.True(report.OnRequestedSilo);
        Assert.Equal("kafka", report.StreamTransport);
        Assert.All(report.Partitions, p =>
        {
            Assert.StartsWith(prefix, p.Topic, StringComparison.Ordinal);
            Assert.InRange(p.Partition, 0, 3);
            Assert.True(p.Lag is null or >= 0, $"lag {p.Lag}");
        });
        Assert.Equal(report.Partitions.Count, report.Partitions.Select(p => (p.Topic, p.Partition)).Distinct().Count());
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        _kafka.Dispose();
        foreach (var folder in new[] { _lake, _evidence }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<List<string>> FilesHoldingAsync(string userId)
    {
        var files = new List<string>();
        if (!Directory.Exists(_lake))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(_lake, "*.parquet", SearchOption.AllDirectories))
        {
            await using var stream = File.OpenRead(file);
            await using var reader = await ParquetReader.CreateAsync(stream);
            if (reader.Schema.DataFields.SingleOrDefault(f => f.Name == "user_id") is not { } field)
            {
                continue;
            }

            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var values = new string[group.RowCount];
                await group.ReadAsync(field, values);
                if (values.Contains(userId))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }
}
