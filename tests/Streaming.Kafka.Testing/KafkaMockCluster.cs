using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace ProctorWise.Streaming.Kafka.Testing;

/// <summary>
/// librdkafka's built-in mock Kafka cluster, reachable over loopback TCP by any client in the process (and by
/// other processes while it lives). It is started by a "host" producer configured with
/// <c>test.mock.num.brokers</c>; its brokers' <c>host:port</c> list, read from the host's metadata, is the
/// <c>bootstrap.servers</c> of every other client. Topic creation and broker outages go through librdkafka's
/// mock C API (<c>rd_kafka_mock_*</c>), which Confluent.Kafka does not wrap: see <see cref="MockApi"/>.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IProducer<Null, Null> _host;
    private readonly MockApi _api;
    private readonly IntPtr _cluster;

    /// <summary>Starts a mock cluster with <paramref name="brokers"/> brokers on 127.0.0.1.</summary>
    /// <param name="brokers">Number of brokers (ids 1..n).</param>
    public KafkaMockCluster(int brokers = 3)
    {
        var config = new ProducerConfig(new Dictionary<string, string> { ["test.mock.num.brokers"] = brokers.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _host = new ProducerBuilder<Null, Null>(config)
            .SetLogHandler((_, _) => { })
            .Build();
        using (var admin = new DependentAdminClientBuilder(_host.Handle).Build())
        {
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            BrokerIds = [.. metadata.Brokers.Select(b => b.BrokerId).Order()];
            BootstrapServers = string.Join(",", metadata.Brokers.OrderBy(b => b.BrokerId).Select(b => $"{b.Host}:{b.Port}"));
        }

        _api = MockApi.Load();
        _cluster = _api.HandleMockCluster(RawHandle(_host.Handle));
        if (_cluster == IntPtr.Zero)
        {
            throw new InvalidOperationException("librdkafka did not create a mock cluster for test.mock.num.brokers.");
        }
    }

    /// <summary>The <c>bootstrap.servers</c> value for other clients, e.g. <c>127.0.0.1:40335,127.0.0.1:34115,127.0.0.1:34825</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>The broker ids.</summary>
    public IReadOnlyList<int> BrokerIds { get; }

    /// <summary>Creates a topic inside the mock (the mock has no CreateTopics admin API).</summary>
    public void CreateTopic(string topic, int partitions, int replicationFactor = 3) =>
        Check(_api.TopicCreate(_cluster, topic, partitions, Math.Min(replicationFactor, BrokerIds.Count)), $"create topic {topic}");

    /// <summary>Disconnects a broker and refuses new connections until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId) => Check(_api.BrokerSetDown(_cluster, brokerId), $"set broker {brokerId} down");

    /// <summary>Lets a broker accept connections again.</summary>
    public void SetBrokerUp(int brokerId) => Check(_api.BrokerSetUp(_cluster, brokerId), $"set broker {brokerId} up");

    /// <summary>Moves the leadership of a partition (clients learn it through NOT_LEADER errors and metadata refresh).</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId) =>
        Check(_api.PartitionSetLeader(_cluster, topic, partition, brokerId), $"move leader of {topic}[{partition}]");

    /// <summary>Makes the metadata name a controller, without which admin clients wait for one until they time out.</summary>
    public void SetControllerId(int brokerId) => Check(_api.SetControllerId(_cluster, brokerId), "set controller");

    /// <inheritdoc/>
    public void Dispose() => _host.Dispose();

    private static IntPtr RawHandle(Handle handle)
    {
        // Confluent.Kafka keeps the rd_kafka_t* in an internal SafeHandle; reflection is the only way to reach it.
        var property = typeof(Handle).GetProperty("LibrdkafkaHandle", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("Confluent.Kafka.Handle.LibrdkafkaHandle not found; this Confluent.Kafka version is not supported by the mock fixture.");
        return ((SafeHandle)property.GetValue(handle)!).DangerousGetHandle();
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"Mock cluster could not {what}: librdkafka error {error} ({(ErrorCode)error}).");
        }
    }
}
