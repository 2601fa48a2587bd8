using System.Globalization;
using Confluent.Kafka;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>Builds librdkafka configurations: user settings first, then the settings the provider's guarantees rest on.</summary>
internal static class KafkaClientConfigs
{
    /// <summary>Prefetch buffer of each partition consumer unless ConsumerSettings says otherwise.</summary>
    public const int DefaultPrefetchKilobytes = 8 * 1024;

    public static ProducerConfig Producer(KafkaStreamOptions options, string providerName)
    {
        var config = new ProducerConfig(Merge(options.ClientSettings, options.ProducerSettings))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = ClientId(options, providerName, "producer"),
            LingerMs = options.Linger.TotalMilliseconds,
            RetryBackoffMs = Milliseconds(options.RetryBackoff),
            RetryBackoffMaxMs = Milliseconds(options.RetryBackoffMax),
            MessageTimeoutMs = Milliseconds(options.ProduceTimeout),
        };

        // Forced: idempotence gives per-partition order and no duplicates from producer retries; acks=all makes
        // an acknowledged event survive the loss of the leader.
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        return config;
    }

    public static ConsumerConfig Consumer(KafkaStreamOptions options, string providerName, string groupId)
    {
        var config = new ConsumerConfig(Merge(options.ClientSettings, options.ConsumerSettings))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = ClientId(options, providerName, "consumer"),
        };

        // One consumer per owned partition: librdkafka's 64 MB default prefetch per consumer would add up.
        if (!options.ConsumerSettings.ContainsKey("queued.max.messages.kbytes"))
        {
            config.QueuedMaxMessagesKbytes = DefaultPrefetchKilobytes;
        }

        // Forced: offsets are stored by the provider only once every subscriber got the event, and librdkafka
        // commits what was stored in the background and on close. Partitions are assigned by Orleans' queue
        // balancer, never by Kafka's group protocol.
        config.GroupId = groupId;
        config.EnableAutoCommit = true;
        config.EnableAutoOffsetStore = false;
        config.AutoCommitIntervalMs = Milliseconds(options.CommitInterval);
        config.AutoOffsetReset = options.StartPosition == KafkaStartPosition.Latest ? AutoOffsetReset.Latest : AutoOffsetReset.Earliest;
        config.EnablePartitionEof = false;
        config.AllowAutoCreateTopics = false;
        return config;
    }

    public static AdminClientConfig Admin(KafkaStreamOptions options, string providerName) =>
        new(Merge(options.ClientSettings, new Dictionary<string, string>()))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = ClientId(options, providerName, "admin"),
        };

    private static Dictionary<string, string> Merge(IDictionary<string, string> common, IDictionary<string, string> specific)
    {
        var merged = new Dictionary<string, string>(common, StringComparer.Ordinal);
        foreach (var (key, value) in specific)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string ClientId(KafkaStreamOptions options, string providerName, string role) =>
        options.ClientSettings.TryGetValue("client.id", out var clientId)
            ? clientId
            : string.Create(CultureInfo.InvariantCulture, $"orleans-{providerName}-{role}-{Environment.MachineName}");

    private static int Milliseconds(TimeSpan value) => (int)Math.Clamp(value.TotalMilliseconds, 1, int.MaxValue);
}
