using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Silo.Hosting;

/// <summary>
/// The stream provider choice: <c>Kafka:BootstrapServers</c> set ⇒ the project's Kafka provider (topics
/// <c>&lt;Kafka:TopicPrefix&gt;&lt;namespace&gt;</c>); absent ⇒ Orleans memory streams. Grains never know which.
/// </summary>
public static class StreamingSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kafka";

    /// <summary>True when the application's streams go through Kafka.</summary>
    public static bool UsesKafka(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[$"{Section}:BootstrapServers"]);

    /// <summary>Fills the provider options from configuration and registers the application's event types.</summary>
    public static void Apply(KafkaStreamOptions options, IConfiguration configuration)
    {
        var kafka = configuration.GetSection(Section);
        options.BootstrapServers = kafka["BootstrapServers"]!;
        options.TopicPrefix = kafka["TopicPrefix"] ?? KafkaStreamOptions.DefaultTopicPrefix;
        options.Namespaces = kafka.GetSection("Namespaces").Get<string[]>() ?? [StreamNamespaces.Alerts];
        options.Partitions = kafka.GetValue("Partitions", options.Partitions);
        options.ReplicationFactor = kafka.GetValue("ReplicationFactor", options.ReplicationFactor);
        options.CreateTopics = kafka.GetValue("CreateTopics", options.CreateTopics);
        if (kafka["ConsumerGroupId"] is { Length: > 0 } group)
        {
            options.ConsumerGroupId = group;
        }

        // Event types travel as their Orleans aliases ("pw.alert-raised"), never as CLR names.
        options.EventTypes.Add<AlertRaised>().Add<SessionChanged>();

        // Records are read by tools outside Orleans: enums as the API writes them ("no_face", "critical").
        options.JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
    }
}
