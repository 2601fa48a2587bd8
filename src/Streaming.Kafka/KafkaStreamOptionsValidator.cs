using System.Buffers;
using Microsoft.Extensions.Options;

namespace ProctorWise.Streaming.Kafka;

/// <summary>
/// Checks <see cref="KafkaStreamOptions"/> when the host starts, so a bad configuration fails fast with a message
/// that names the setting instead of failing later inside librdkafka.
/// </summary>
public sealed class KafkaStreamOptionsValidator : IValidateOptions<KafkaStreamOptions>
{
    // Kafka's own rule (org.apache.kafka.common.internals.Topic): ASCII letters, digits, '.', '_' and '-', at most 249 characters.
    private static readonly SearchValues<char> s_topicCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    private const int MaxTopicLength = 249;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = string.IsNullOrEmpty(name) ? "(default)" : name;
        var failures = new List<string>();
        var prefix = $"Kafka stream provider '{provider}': ";

        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            failures.Add(prefix + "BootstrapServers is required (a comma-separated host:port list, e.g. \"kafka-1:9092,kafka-2:9092\").");
        }

        if (options.TopicPrefix is null)
        {
            failures.Add(prefix + "TopicPrefix must not be null (use \"\" for no prefix).");
        }
        else if (options.TopicPrefix.AsSpan().ContainsAnyExcept(s_topicCharacters))
        {
            failures.Add(prefix + $"TopicPrefix '{options.TopicPrefix}' contains characters Kafka does not allow in topic names; use only ASCII letters, digits, '.', '_' and '-'.");
        }

        if (options.Partitions < 1)
        {
            failures.Add(prefix + $"Partitions must be at least 1 (was {options.Partitions}).");
        }

        if (options.Namespaces is null || options.Namespaces.Count == 0)
        {
            failures.Add(prefix + "Namespaces must list at least one stream namespace (each becomes the topic TopicPrefix + namespace).");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ns in options.Namespaces)
            {
                if (string.IsNullOrEmpty(ns))
                {
                    failures.Add(prefix + "Namespaces contains an empty namespace.");
                    continue;
                }

                if (!seen.Add(ns))
                {
                    failures.Add(prefix + $"Namespace '{ns}' is listed twice.");
                }

                var topic = (options.TopicPrefix ?? "") + ns;
                if (ns.AsSpan().ContainsAnyExcept(s_topicCharacters))
                {
                    failures.Add(prefix + $"Namespace '{ns}' contains characters Kafka does not allow in topic names; use only ASCII letters, digits, '.', '_' and '-'.");
                }
                else if (topic.Length > MaxTopicLength || topic is "." or "..")
                {
                    failures.Add(prefix + $"Topic '{topic}' is not a legal Kafka topic name (at most {MaxTopicLength} characters, not '.' or '..').");
                }
            }
        }

        if (options.ReplicationFactor is 0 or < -1)
        {
            failures.Add(prefix + $"ReplicationFactor must be -1 (broker default) or at least 1 (was {options.ReplicationFactor}).");
        }

        CheckPositive(options.ProduceTimeout, nameof(options.ProduceTimeout));
        CheckPositive(options.RetryBackoff, nameof(options.RetryBackoff));
        CheckPositive(options.RetryBackoffMax, nameof(options.RetryBackoffMax));
        CheckPositive(options.CommitInterval, nameof(options.CommitInterval));
        CheckPositive(options.AdminTimeout, nameof(options.AdminTimeout));
        if (options.Linger < TimeSpan.Zero)
        {
            failures.Add(prefix + "Linger must not be negative.");
        }

        if (options.RetryBackoffMax < options.RetryBackoff)
        {
            failures.Add(prefix + "RetryBackoffMax must not be shorter than RetryBackoff.");
        }

        if (options.CacheSize < 10)
        {
            failures.Add(prefix + $"CacheSize must be at least 10 events (was {options.CacheSize}).");
        }

        if (options.EventTypes.Count == 0)
        {
            failures.Add(prefix + "EventTypes is empty; register every concrete event type with options.EventTypes.Add<T>(\"alias\").");
        }

        if (options.JsonSerializerOptions is null)
        {
            failures.Add(prefix + "JsonSerializerOptions must not be null.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void CheckPositive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add(prefix + $"{setting} must be positive (was {value}).");
            }
        }
    }
}
