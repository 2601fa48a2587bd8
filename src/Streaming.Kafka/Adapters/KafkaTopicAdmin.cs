using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>The real <see cref="IKafkaTopicAdmin"/>: a Confluent.Kafka admin client.</summary>
internal sealed class KafkaTopicAdmin(IAdminClient client) : IKafkaTopicAdmin
{
    public Metadata GetMetadata(TimeSpan timeout) => client.GetMetadata(timeout);

    public Task CreateTopicsAsync(IEnumerable<TopicSpecification> topics, CreateTopicsOptions options) => client.CreateTopicsAsync(topics, options);

    public void Dispose() => client.Dispose();
}
