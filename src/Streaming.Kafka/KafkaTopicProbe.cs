using Confluent.Kafka;
using ProctorWise.Streaming.Kafka.Adapters;

namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// A readiness probe of the provider's topics: each namespace topic exists with the configured partition
/// count and every partition has a leader. It uses the provider's own admin settings
/// (<see cref="KafkaStreamOptions.ClientSettings"/>: TLS, SASL…) and lists all topics, never asking for a
/// named one (which brokers with <c>auto.create.topics.enable</c> would create). Keep one per host: it
/// holds an admin client.
/// </summary>
public sealed class KafkaTopicProbe : IDisposable
{
    private readonly KafkaStreamOptions _options;
    private readonly TimeSpan _timeout;
    private readonly IAdminClient _admin;

    /// <summary>Creates the probe.</summary>
    /// <param name="options">The provider's options.</param>
    /// <param name="providerName">The provider's name (client id of the admin client).</param>
    /// <param name="timeout">How long one check may wait for the brokers.</param>
    public KafkaTopicProbe(KafkaStreamOptions options, string providerName, TimeSpan timeout)
    {
        _options = options;
        _timeout = timeout;
        Topics = [.. options.Namespaces.Distinct(StringComparer.Ordinal).Select(options.TopicFor)];
        _admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options, providerName)).SetLogHandler((_, _) => { }).Build();
    }

    /// <summary>The topics checked.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>What is wrong with the topics; empty when they are ready.</summary>
    public Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken = default) =>
        // GetMetadata blocks its thread for up to the timeout.
        Task.Run(Check, cancellationToken);

    private IReadOnlyList<string> Check()
    {
        Metadata metadata;
        try
        {
            metadata = _admin.GetMetadata(_timeout);
        }
        catch (KafkaException e)
        {
            return [$"brokers '{_options.BootstrapServers}' do not answer: {e.Error.Reason}"];
        }

        var problems = new List<string>();
        foreach (var topic in Topics)
        {
            var found = metadata.Topics.Find(t => t.Topic == topic);
            if (found is null || found.Error.IsError)
            {
                problems.Add($"topic '{topic}': {found?.Error.Reason ?? "does not exist"}");
            }
            else if (found.Partitions.Count != _options.Partitions)
            {
                problems.Add($"topic '{topic}' has {found.Partitions.Count} partition(s), {_options.Partitions} expected");
            }
            else if (found.Partitions.Where(p => p.Leader < 0 || p.Error.IsError).Select(p => p.PartitionId).ToList() is { Count: > 0 } leaderless)
            {
                problems.Add($"topic '{topic}': no leader for partition(s) {string.Join(", ", leaderless)}");
            }
        }

        return problems;
    }

    /// <inheritdoc/>
    public void Dispose() => _admin.Dispose();
}
