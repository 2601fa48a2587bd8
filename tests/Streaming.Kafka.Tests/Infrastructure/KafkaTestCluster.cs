using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;
using ProctorWise.Streaming.Kafka.Diagnostics;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.TestSupport;

namespace ProctorWise.Streaming.Kafka.Tests.Infrastructure;

/// <summary>
/// An in-process Orleans cluster whose stream provider <see cref="TestStreams.Provider"/> is the Kafka provider on
/// a mock cluster. Each instance gets its own topics (a unique prefix), created in the mock before the silos start.
/// </summary>
public sealed class KafkaTestCluster : IAsyncDisposable
{
    private KafkaTestCluster(InProcessTestCluster cluster, string topicPrefix)
    {
        Cluster = cluster;
        TopicPrefix = topicPrefix;
    }

    /// <summary>The Orleans cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>The cluster's client.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>The topic prefix of this cluster.</summary>
    public string TopicPrefix { get; }

    /// <summary>The topic of <paramref name="streamNamespace"/>.</summary>
    public string Topic(string streamNamespace) => TopicPrefix + streamNamespace;

    /// <summary>Every partition of every test topic, ordered.</summary>
    public IReadOnlyList<(string Topic, int Partition)> AllPartitions =>
        [.. TestStreams.All.SelectMany(ns => Enumerable.Range(0, Partitions).Select(p => (Topic(ns), p))).Order()];

    /// <summary>The partitions <paramref name="silo"/> reads now (its receivers, as its provider's metrics track them).</summary>
    public static IReadOnlyList<(string Topic, int Partition)> OwnedPartitions(InProcessSiloHandle silo) =>
        silo.ServiceProvider.GetRequiredService<KafkaStreamMetrics>().OwnedPartitions(TestStreams.Provider);

    /// <summary>Whether every partition is read by exactly one of <paramref name="silos"/> and each of them reads some.</summary>
    public bool IsBalancedOver(IReadOnlyCollection<InProcessSiloHandle> silos) =>
        silos.All(s => OwnedPartitions(s).Count > 0) && silos.SelectMany(OwnedPartitions).Order().SequenceEqual(AllPartitions);

    /// <summary>How many partitions each silo reads, for failure messages.</summary>
    public static string DescribeOwnership(IEnumerable<InProcessSiloHandle> silos) =>
        string.Join("; ", silos.Select(s => $"{s.Name}: {OwnedPartitions(s).Count}"));

    /// <summary>The options every silo and the client use, so tests can configure external clients alike.</summary>
    public static void Configure(KafkaStreamOptions options, string bootstrapServers, string topicPrefix)
    {
        options.BootstrapServers = bootstrapServers;
        options.TopicPrefix = topicPrefix;
        options.Namespaces = [.. TestStreams.All];
        options.Partitions = Partitions;
        options.EventTypes.Add<AlertRaised>("alert-raised").Add<SessionChanged>("session-changed");
    }

    /// <summary>Partitions per test topic.</summary>
    public const int Partitions = 4;

    /// <summary>Creates the topics, then starts <paramref name="silos"/> silos and a client.</summary>
    public static async Task<KafkaTestCluster> StartAsync(KafkaMockCluster mock, short silos = 2, Action<KafkaStreamOptions>? configure = null)
    {
        var prefix = $"test.{Guid.NewGuid():N}.";
        foreach (var ns in TestStreams.All)
        {
            mock.CreateTopic(prefix + ns, Partitions);
        }

        void ConfigureOptions(KafkaStreamOptions options)
        {
            Configure(options, mock.BootstrapServers, prefix);
            configure?.Invoke(options);
        }

        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddKafkaStreams(TestStreams.Provider, ConfigureOptions, provider => provider.ConfigurePullingAgent(agent => agent.Configure(o =>
            {
                // Short poll period keeps the suite fast; short delivery time lets the failure test finish quickly.
                o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
                o.MaxEventDeliveryTime = TimeSpan.FromSeconds(3);
            })));
            silo.Services.Configure<ClusterMembershipOptions>(o =>
            {
                // Detect a killed silo within a few seconds so its partitions move quickly.
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
            silo.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        builder.ConfigureClient(client => client.AddKafkaStreams(TestStreams.Provider, ConfigureOptions));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var started = new KafkaTestCluster(cluster, prefix);

        // The queue balancer hands partitions to the silos that joined after the first one a moment after the start:
        // wait for that, so that tests do not see their partitions move (a blocked subscriber would stall the handoff).
        await Eventually.HoldsAsync(
            () => started.IsBalancedOver(cluster.Silos),
            () => $"partitions not balanced over the silos: {DescribeOwnership(cluster.Silos)}");
        return started;
    }

    /// <summary>A subscriber grain that runs on a different silo than <paramref name="otherSilo"/>.</summary>
    public async Task<ISubscriberGrain> SubscriberAwayFromAsync(string otherSilo, string keyPrefix)
    {
        for (var i = 0; i < 64; i++)
        {
            var subscriber = Client.GetGrain<ISubscriberGrain>($"{keyPrefix}-{i}");
            if (await subscriber.GetSiloAsync() != otherSilo)
            {
                return subscriber;
            }
        }

        throw new InvalidOperationException("Random placement put 64 grains on one silo.");
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
