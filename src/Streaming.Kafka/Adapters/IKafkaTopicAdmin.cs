using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// The two admin calls <see cref="KafkaTopicManager"/> makes, with <see cref="IAdminClient"/>'s signatures. A seam so
/// that topic creation can be tested without a broker implementing CreateTopics (librdkafka's mock does not).
/// </summary>
internal interface IKafkaTopicAdmin : IDisposable
{
    /// <inheritdoc cref="IAdminClient.GetMetadata(TimeSpan)"/>
    Metadata GetMetadata(TimeSpan timeout);

    /// <inheritdoc cref="IAdminClient.CreateTopicsAsync(IEnumerable{TopicSpecification}, CreateTopicsOptions)"/>
    Task CreateTopicsAsync(IEnumerable<TopicSpecification> topics, CreateTopicsOptions options);
}
