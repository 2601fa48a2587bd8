using System.Collections.Concurrent;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using ProctorWise.Streaming.Kafka.Adapters;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace ProctorWise.Streaming.Kafka.Tests.Infrastructure;

/// <summary>
/// Stands in for a broker's admin API, which librdkafka's mock lacks for CreateTopics: lists the topics it knows,
/// records every CreateTopics request, and "creates" the requested topics unless <see cref="OnCreate"/> says otherwise.
/// </summary>
internal sealed class FakeTopicAdmin : IKafkaTopicAdmin
{
    private readonly ConcurrentDictionary<string, int> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Topic, int Partitions, int VisibleAfterListing)> _pending = new();

    /// <summary>The CreateTopics requests, in order.</summary>
    public List<(List<TopicSpecification> Topics, CreateTopicsOptions Options)> CreateRequests { get; } = [];

    /// <summary>
    /// Decides what a CreateTopics request does instead of creating every topic: may call <see cref="AddTopic"/>
    /// and return an exception to throw (null = success).
    /// </summary>
    public Func<List<TopicSpecification>, Exception?>? OnCreate { get; set; }

    /// <summary>How many more metadata listings a created topic stays invisible (metadata propagation).</summary>
    public int ListingsBeforeCreatedTopicsShow { get; set; }

    /// <summary>How often the metadata was listed.</summary>
    public int Listings { get; private set; }

    /// <summary>Whether the manager disposed the admin client.</summary>
    public bool Disposed { get; private set; }

    /// <summary>A topic that exists (created by someone else, or before).</summary>
    public void AddTopic(string topic, int partitions) => _topics[topic] = partitions;

    public Metadata GetMetadata(TimeSpan timeout)
    {
        Listings++;
        foreach (var pending in _pending.Where(p => p.VisibleAfterListing <= Listings))
        {
            _topics.TryAdd(pending.Topic, pending.Partitions);
        }

        var topics = _topics.Select(t => new TopicMetadata(
            t.Key,
            [.. Enumerable.Range(0, t.Value).Select(p => new PartitionMetadata(p, 1, [1], [1], new Error(ErrorCode.NoError)))],
            new Error(ErrorCode.NoError))).ToList();
        return new Metadata([new BrokerMetadata(1, "fake", 9092)], topics, 1, "fake");
    }

    public Task CreateTopicsAsync(IEnumerable<TopicSpecification> topics, CreateTopicsOptions options)
    {
        var specifications = topics.ToList();
        CreateRequests.Add((specifications, options));
        if (OnCreate is not null)
        {
            return OnCreate(specifications) is { } error ? Task.FromException(error) : Task.CompletedTask;
        }

        foreach (var specification in specifications)
        {
            _pending.Enqueue((specification.Name, specification.NumPartitions, Listings + 1 + ListingsBeforeCreatedTopicsShow));
        }

        return Task.CompletedTask;
    }

    public void Dispose() => Disposed = true;

    /// <summary>What a broker answers when some topics of a request could not be created.</summary>
    public static CreateTopicsException Failure(params (string Topic, ErrorCode Code, string Reason)[] results) =>
        new([.. results.Select(r => new CreateTopicReport { Topic = r.Topic, Error = new Error(r.Code, r.Reason) })]);
}
