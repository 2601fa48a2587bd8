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
internal sealed class KafkaTopicManager(KafkaStreamOptions options, string providerName, ILogger logger)
{
    public async Task EnsureTopicsAsync(CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options, providerName))
            .SetLogHandler((_, message) => logger.Librdkafka(message))
            .Build();
        var topics = options.Namespaces.Distinct(StringComparer.Ordinal).Select(options.TopicFor).ToList();

        // Listing all topics never creates one, whereas asking for a named topic may auto-create it.
        var existing = await ListTopicsAsync(admin, cancellationToken);
        var missing = topics.Where(t => !existing.ContainsKey(t)).ToList();
        if (missing.Count > 0 && options.CreateTopics)
        {
            await CreateAsync(admin, missing);
            existing = await ListTopicsAsync(admin, cancellationToken);
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

    private async Task<Dictionary<string, int>> ListTopicsAsync(IAdminClient admin, CancellationToken cancellationToken)
    {
        // GetMetadata blocks its thread for up to the timeout; keep it off the silo's scheduler.
        var metadata = await Task.Run(() => admin.GetMetadata(options.AdminTimeout), cancellationToken);
        return metadata.Topics
            .Where(t => t.Error.Code == ErrorCode.NoError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
    }

    private async Task CreateAsync(IAdminClient admin, List<string> missing)
    {
        var specifications = missing.Select(topic => new TopicSpecification
        {
            Name = topic,
            NumPartitions = options.Partitions,
            ReplicationFactor = options.ReplicationFactor,
        });
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
            // Another silo or client created them first.
        }
        catch (KafkaException e)
        {
            throw new InvalidOperationException(
                $"Kafka stream provider '{providerName}' could not create topics {string.Join(", ", missing)}: {e.Error.Reason} ({e.Error.Code}).", e);
        }
    }
}
