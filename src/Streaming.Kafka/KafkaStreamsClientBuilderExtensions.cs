using ProctorWise.Streaming.Kafka.Adapters;

namespace ProctorWise.Streaming.Kafka;

/// <summary>Registers the Kafka stream provider on an Orleans client (publishing and direct subscriptions).</summary>
public static class KafkaStreamsClientBuilderExtensions
{
    /// <summary>
    /// Adds the client side of the Kafka stream provider named <paramref name="name"/>. Use the same options as the
    /// silos (namespaces, prefix, partitions): the client maps streams to partitions itself when it publishes.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="name">The stream provider name.</param>
    /// <param name="configure">Sets the options; validated when the client starts.</param>
    /// <param name="configureProvider">Optional Orleans settings of the provider (pub-sub type, lifecycle).</param>
    /// <returns>The client builder.</returns>
    public static IClientBuilder AddKafkaStreams(
        this IClientBuilder builder,
        string name,
        Action<KafkaStreamOptions> configure,
        Action<IClusterClientPersistentStreamConfigurator>? configureProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddKafkaStreamServices(name, configure);
        return builder.AddPersistentStreams(name, KafkaQueueAdapterFactory.Create, configurator => configureProvider?.Invoke(configurator));
    }
}
