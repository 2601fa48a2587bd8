using System.Text.Json;

namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// Options of one Kafka stream provider (named after the provider). Validated when the host starts by
/// <see cref="KafkaStreamOptionsValidator"/>.
/// </summary>
public sealed class KafkaStreamOptions
{
    /// <summary>The default <see cref="TopicPrefix"/>.</summary>
    public const string DefaultTopicPrefix = "proctorwise.";

    /// <summary>Kafka <c>bootstrap.servers</c>: a comma-separated <c>host:port</c> list. Required.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>Prefix of every topic; the topic of namespace <c>alerts</c> is <c>{TopicPrefix}alerts</c>. Default <c>proctorwise.</c>.</summary>
    public string TopicPrefix { get; set; } = DefaultTopicPrefix;

    /// <summary>
    /// The stream namespaces this provider serves, one topic each. Publishing on another namespace fails.
    /// Must be identical on every silo and client of the cluster.
    /// </summary>
    public IList<string> Namespaces { get; set; } = [];

    /// <summary>
    /// Partitions per topic; each partition is one Orleans queue, balanced across silos. The topics must have
    /// exactly this many partitions (checked at start). Default 4.
    /// </summary>
    public int Partitions { get; set; } = 4;

    /// <summary>Replication factor of topics this provider creates; -1 = the broker's default. Default -1.</summary>
    public short ReplicationFactor { get; set; } = -1;

    /// <summary>Create missing topics at start with the admin API (otherwise a missing topic fails the start). Default false.</summary>
    public bool CreateTopics { get; set; }

    /// <summary>Kafka consumer group whose committed offsets record delivery progress. Default <c>{ServiceId}.{providerName}</c>.</summary>
    public string? ConsumerGroupId { get; set; }

    /// <summary>Where a partition with no committed offset is read from. Default <see cref="KafkaStartPosition.Earliest"/>.</summary>
    public KafkaStartPosition StartPosition { get; set; } = KafkaStartPosition.Earliest;

    /// <summary>
    /// How long the producer retries an event before the publisher's <c>OnNextAsync</c> fails (<c>message.timeout.ms</c>).
    /// Kept below the Orleans response timeout (30 s) so a grain that publishes fails before its caller times out. Default 15 s.
    /// </summary>
    public TimeSpan ProduceTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First back-off between produce retries (<c>retry.backoff.ms</c>). Default 100 ms.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest back-off between produce retries (<c>retry.backoff.max.ms</c>). Default 1 s.</summary>
    public TimeSpan RetryBackoffMax { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the producer waits to batch records (<c>linger.ms</c>). Default 5 ms.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How often delivered offsets are committed (<c>auto.commit.interval.ms</c>); a crash redelivers at most this much. Default 1 s.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of admin calls at start (topic creation and validation). Default 30 s.</summary>
    public TimeSpan AdminTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events kept per partition in the Orleans cache (Orleans' simple queue cache); reading pauses when it is full. Default 4096.</summary>
    public int CacheSize { get; set; } = 4096;

    /// <summary>Whether an explicit subscription is faulted (removed) after a delivery failure. Default false: the failure is reported and delivery goes on.</summary>
    public bool FaultSubscriptionOnError { get; set; }

    /// <summary>The event types and their stable aliases. At least one is required.</summary>
    public KafkaEventTypeRegistry EventTypes { get; } = new();

    /// <summary>
    /// Reads the id of an event (written in the <see cref="KafkaStreamHeaders.EventId"/> header). Default: the
    /// value of a public <c>EventId</c> property when the type has one; a new GUID when it returns null.
    /// </summary>
    public Func<object, string?>? EventIdSelector { get; set; }

    /// <summary>How event values are written and read. Default: <see cref="JsonSerializerDefaults.Web"/> (camelCase, case-insensitive).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>librdkafka settings for every client (security, SASL, client.id…); see the Confluent.Kafka configuration reference.</summary>
    public IDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>librdkafka producer settings. <c>enable.idempotence</c> and <c>acks</c> are always forced to true and all.</summary>
    public IDictionary<string, string> ProducerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>librdkafka consumer settings. Group, offset storage and commit settings are always set by the provider.</summary>
    public IDictionary<string, string> ConsumerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The topic of a namespace.</summary>
    /// <param name="streamNamespace">A served namespace.</param>
    /// <returns><see cref="TopicPrefix"/> followed by <paramref name="streamNamespace"/>.</returns>
    public string TopicFor(string streamNamespace) => TopicPrefix + streamNamespace;
}
