using ProctorWise.Streaming.Kafka.Adapters;

namespace ProctorWise.Streaming.Kafka;

/// <summary>Registers the Kafka stream provider on a silo.</summary>
public static class KafkaStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds a persistent stream provider named <paramref name="name"/> that stores stream events in Kafka, one topic
    /// per namespace (<c>{TopicPrefix}{namespace}</c>), one Orleans queue per partition. A drop-in replacement for
    /// <c>AddMemoryStreams(name)</c>: grains keep using <c>GetStreamProvider(name)</c>. Also needs the grain storage
    /// <c>PubSubStore</c> for explicit subscriptions, like every persistent stream provider.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The stream provider name.</param>
    /// <param name="configure">Sets the options; validated when the silo starts.</param>
    /// <param name="configureProvider">Optional Orleans settings of the provider (pulling agent, queue balancer, pub-sub).</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddKafkaStreams(
        this ISiloBuilder builder,
        string name,
        Action<KafkaStreamOptions> configure,
        Action<ISiloPersistentStreamConfigurator>? configureProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddKafkaStreamServices(name, configure);
        return builder.AddPersistentStreams(name, KafkaQueueAdapterFactory.Create, configurator => configureProvider?.Invoke(configurator));
    }
}
