using System.Diagnostics;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;
using ProctorWise.Streaming.Kafka.Diagnostics;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// Creates the namespace topics (when <see cref="KafkaStreamOptions.CreateTopics"/>) and checks at start that each
/// exists with <see cref="KafkaStreamOptions.Partitions"/> partitions, because the queue mapper of every silo and
/// client relies on that count.
/// </summary>
/// <param name="options">The provider options.</param>
/// <param name="providerName">The provider name, for messages.</param>
/// <param name="logger">The logger.</param>
/// <param name="createAdmin">Creates the admin client; a Confluent.Kafka admin client on the bootstrap servers unless a test passes a fake.</param>
internal sealed class KafkaTopicManager(KafkaStreamOptions options, string providerName, ILogger logger, Func<IKafkaTopicAdmin>? createAdmin = null)
{
    // How often the metadata is listed again while waiting for created topics to show up.
    private static readonly TimeSpan s_metadataPollInterval = TimeSpan.FromMilliseconds(200);

    public async Task EnsureTopicsAsync(CancellationToken cancellationToken)
    {
        using var admin = (createAdmin ?? CreateAdmin)();
        var topics = options.Namespaces.Distinct(StringComparer.Ordinal).Select(options.TopicFor).ToList();

        // Listing all topics never creates one, whereas asking for a named topic may auto-create it.
        var existing = await ListTopicsAsync(admin, cancellationToken);
        var missing = topics.Where(t => !existing.ContainsKey(t)).ToList();
        if (missing.Count > 0 && options.CreateTopics)
        {
            await CreateAsync(admin, missing);
            existing = await WaitForTopicsAsync(admin, missing, cancellationToken);
        }

        var problems = new List<string>();
        foreach (var topic in topics)
        {
            if (!existing.TryGetValue(topic, out var partitions))
            {
                problems.Add($"topic '{topic}' does not exist (create it with {options.Partitions} partition(s), or set KafkaStreamOptions.CreateTopics = true)");
            }
            else if (partitions != options.Partitions)
            {
                problems.Add($"topic '{topic}' has {partitions} partition(s) but KafkaStreamOptions.Partitions is {options.Partitions}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Kafka stream provider '{providerName}' cannot start (bootstrap servers '{options.BootstrapServers}'): {string.Join("; ", problems)}.");
        }
    }

    private KafkaTopicAdmin CreateAdmin() =>
        new(new AdminClientBuilder(KafkaClientConfigs.Admin(options, providerName))
            .SetLogHandler((_, message) => logger.Librdkafka(message))
            .Build());

    private async Task<Dictionary<string, int>> ListTopicsAsync(IKafkaTopicAdmin admin, CancellationToken cancellationToken)
    {
        // GetMetadata blocks its thread for up to the timeout; keep it off the silo's scheduler.
        var metadata = await Task.Run(() => admin.GetMetadata(options.AdminTimeout), cancellationToken);
        return metadata.Topics
            .Where(t => t.Error.Code == ErrorCode.NoError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// A topic the controller just created can take a moment to appear in the metadata of the broker answering, so
    /// list again until every created topic is there or <see cref="KafkaStreamOptions.AdminTimeout"/> has passed.
    /// </summary>
    private async Task<Dictionary<string, int>> WaitForTopicsAsync(IKafkaTopicAdmin admin, List<string> created, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var existing = await ListTopicsAsync(admin, cancellationToken);
            if (created.All(existing.ContainsKey) || waited.Elapsed >= options.AdminTimeout)
            {
                return existing;
            }

            await Task.Delay(s_metadataPollInterval, cancellationToken);
        }
    }

    private async Task CreateAsync(IKafkaTopicAdmin admin, List<string> missing)
    {
        // No per-topic configs: retention, min.insync.replicas etc. are the broker's defaults.
        var specifications = missing.Select(topic => new TopicSpecification
        {
            Name = topic,
            NumPartitions = options.Partitions,
            ReplicationFactor = options.ReplicationFactor,
        }).ToList();
        try
        {
            await admin.CreateTopicsAsync(specifications, new CreateTopicsOptions { RequestTimeout = options.AdminTimeout, OperationTimeout = options.AdminTimeout });
            foreach (var topic in missing)
            {
                logger.TopicCreated(providerName, topic, options.Partitions);
            }
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another silo or client created some (or all) of them first: that is success too.
            foreach (var result in e.Results.Where(r => r.Error.Code == ErrorCode.NoError))
            {
                logger.TopicCreated(providerName, result.Topic, options.Partitions);
            }
        }
        catch (KafkaException e)
        {
            throw new InvalidOperationException(
                $"Kafka stream provider '{providerName}' could not create topics {string.Join(", ", missing)}: {Describe(e)}.", e);
        }
    }

    /// <summary>The error, with each topic's own error (other than "already exists") when Kafka reported per-topic results.</summary>
    private static string Describe(KafkaException e) =>
        e is CreateTopicsException { Results.Count: > 0 } create
            ? string.Join("; ", create.Results.Where(r => r.Error.Code is not (ErrorCode.NoError or ErrorCode.TopicAlreadyExists)).Select(r => $"{r.Topic}: {r.Error.Reason} ({r.Error.Code})"))
            : $"{e.Error.Reason} ({e.Error.Code})";
}
