using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// The stream provider choice: <c>Kafka:BootstrapServers</c> set ⇒ the project's Kafka provider (topics
/// <c>&lt;Kafka:TopicPrefix&gt;&lt;namespace&gt;</c>); absent ⇒ Orleans memory streams. Grains never know which.
/// </summary>
public static class StreamingSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kafka";

    /// <summary>The keys read by <see cref="Apply"/> besides <see cref="HostingOptions.KafkaBootstrapServersKey"/> (the README's table is checked against them).</summary>
    public static IReadOnlyList<string> Keys { get; } =
        [.. new[] { "TopicPrefix", "Namespaces", "Partitions", "ReplicationFactor", "CreateTopics", "ConsumerGroupId" }.Select(k => $"{Section}:{k}")];

    /// <summary>
    /// Applies the silo-side provider settings shared by the memory and Kafka providers: the pulling agent's
    /// poll interval comes from <see cref="StreamOptions"/> (<c>Streams:PollInterval</c>), checked at start.
    /// </summary>
    public static void ConfigureProvider(ISiloPersistentStreamConfigurator provider) =>
        provider.ConfigurePullingAgent(agent => agent.Configure<IOptions<StreamOptions>>((o, streams) => o.GetQueueMsgsTimerPeriod = streams.Value.PollInterval));

    /// <summary>Fills the provider options from configuration and registers the application's event types.</summary>
    public static void Apply(KafkaStreamOptions options, HostingOptions hosting, IConfiguration configuration)
    {
        var kafka = configuration.GetSection(Section);
        options.BootstrapServers = hosting.KafkaBootstrapServers ?? throw new InvalidOperationException($"{HostingOptions.KafkaBootstrapServersKey} is not set.");
        options.TopicPrefix = kafka["TopicPrefix"] ?? KafkaStreamOptions.DefaultTopicPrefix;
        options.Namespaces = kafka.GetSection("Namespaces").Get<string[]>() ?? [.. StreamNamespaces.All];
        options.Partitions = kafka.GetValue("Partitions", options.Partitions);
        options.ReplicationFactor = kafka.GetValue("ReplicationFactor", options.ReplicationFactor);
        options.CreateTopics = kafka.GetValue("CreateTopics", options.CreateTopics);
        if (kafka["ConsumerGroupId"] is { Length: > 0 } group)
        {
            options.ConsumerGroupId = group;
        }

        // Event types travel as their Orleans aliases ("pw.alert-raised"), never as CLR names.
        options.EventTypes.Add<AlertRaised>().Add<SessionChanged>();
        foreach (var type in DomainEventTypes.All)
        {
            options.EventTypes.Add(type, type.GetCustomAttribute<AliasAttribute>(inherit: false)!.Alias);
        }

        // Records are read by tools outside Orleans: enums as the API writes them ("no_face", "critical").
        options.JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
    }
}
