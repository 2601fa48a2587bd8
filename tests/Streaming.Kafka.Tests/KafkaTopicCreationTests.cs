using Microsoft.Extensions.Logging.Abstractions;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Tests.Grains;
using ProctorWise.Streaming.Kafka.Tests.Infrastructure;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>
/// <see cref="KafkaStreamOptions.CreateTopics"/>: librdkafka's mock has no CreateTopics API (see
/// <see cref="KafkaMockClusterTests"/>), so creation is tested against a fake admin client that records the requests.
/// </summary>
public sealed class KafkaTopicCreationTests
{
    private static KafkaStreamOptions Options(bool createTopics = true, short replicationFactor = -1)
    {
        var options = new KafkaStreamOptions
        {
            BootstrapServers = "kafka-1:9092",
            TopicPrefix = "pw.",
            Namespaces = ["alerts", "sessions", "submissions"],
            Partitions = 6,
            ReplicationFactor = replicationFactor,
            CreateTopics = createTopics,
            AdminTimeout = TimeSpan.FromSeconds(7),
        };
        options.EventTypes.Add<AlertRaised>("alert-raised");
        return options;
    }

    private static Task EnsureAsync(KafkaStreamOptions options, FakeTopicAdmin admin) =>
        new KafkaTopicManager(options, "kafka", NullLogger.Instance, () => admin).EnsureTopicsAsync(TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public async Task OnlyTheMissingTopicsAreCreatedWithThePrefixPartitionsAndReplicationFactor(short replicationFactor)
    {
        var admin = new FakeTopicAdmin();
        admin.AddTopic("pw.alerts", 6);
        admin.AddTopic("unrelated", 1);

        await EnsureAsync(Options(replicationFactor: replicationFactor), admin);

        var (topics, options) = Assert.Single(admin.CreateRequests);
        Assert.Equal(["pw.sessions", "pw.submissions"], topics.Select(t => t.Name));
        Assert.All(topics, t =>
        {
            Assert.Equal(6, t.NumPartitions);
            Assert.Equal(replicationFactor, t.ReplicationFactor);
            Assert.Null(t.ReplicasAssignments);
            Assert.True(t.Configs is null or { Count: 0 }, "no per-topic configs: the broker's defaults apply");
        });
        Assert.Equal(TimeSpan.FromSeconds(7), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), options.OperationTimeout);
        Assert.True(admin.Disposed);
    }

    [Fact]
    public async Task NothingIsCreatedWhenEveryTopicExists()
    {
        var admin = new FakeTopicAdmin();
        foreach (var topic in new[] { "pw.alerts", "pw.sessions", "pw.submissions" })
        {
            admin.AddTopic(topic, 6);
        }

        await EnsureAsync(Options(), admin);

        Assert.Empty(admin.CreateRequests);
        Assert.Equal(1, admin.Listings);
    }

    [Fact]
    public async Task WithoutCreateTopicsAMissingTopicIsNotCreatedAndStopsTheStart()
    {
        var admin = new FakeTopicAdmin();
        admin.AddTopic("pw.alerts", 6);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EnsureAsync(Options(createTopics: false), admin));

        Assert.Empty(admin.CreateRequests);
        Assert.Contains("topic 'pw.sessions' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("topic 'pw.submissions' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopicsAnotherSiloCreatedFirstCountAsCreated()
    {
        var admin = new FakeTopicAdmin();
        admin.AddTopic("pw.alerts", 6);
        admin.OnCreate = topics =>
        {
            // Another silo starting at the same time won the race for one topic; this request created the other.
            foreach (var topic in topics)
            {
                admin.AddTopic(topic.Name, topic.NumPartitions);
            }

            return FakeTopicAdmin.Failure(
                ("pw.sessions", ErrorCode.TopicAlreadyExists, "Topic 'pw.sessions' already exists."),
                ("pw.submissions", ErrorCode.NoError, "Success"));
        };

        await EnsureAsync(Options(), admin);

        Assert.Single(admin.CreateRequests);
    }

    [Fact]
    public async Task AnyOtherCreationErrorStopsTheStartWithEachTopicsReason()
    {
        var admin = new FakeTopicAdmin();
        admin.AddTopic("pw.alerts", 6);
        admin.OnCreate = _ => FakeTopicAdmin.Failure(
            ("pw.sessions", ErrorCode.TopicAlreadyExists, "Topic 'pw.sessions' already exists."),
            ("pw.submissions", ErrorCode.InvalidReplicationFactor, "Replication factor: 3 larger than available brokers: 1."));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EnsureAsync(Options(replicationFactor: 3), admin));

        Assert.Contains("could not create topics pw.sessions, pw.submissions", error.Message, StringComparison.Ordinal);
        Assert.Contains("pw.submissions: Replication factor: 3 larger than available brokers: 1. (InvalidReplicationFactor)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", error.Message, StringComparison.Ordinal);
        Assert.True(admin.Disposed);
    }

    [Fact]
    public async Task CreatedTopicsThatShowUpLateInTheMetadataAreWaitedFor()
    {
        var admin = new FakeTopicAdmin { ListingsBeforeCreatedTopicsShow = 2 };
        admin.AddTopic("pw.alerts", 6);

        await EnsureAsync(Options(), admin);

        Assert.Single(admin.CreateRequests);
        Assert.Equal(4, admin.Listings);
    }

    [Fact]
    public async Task ATopicThatExistsWithAnotherPartitionCountIsNotRecreatedButReported()
    {
        var admin = new FakeTopicAdmin();
        admin.AddTopic("pw.alerts", 6);
        admin.AddTopic("pw.sessions", 2);
        admin.AddTopic("pw.submissions", 6);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EnsureAsync(Options(), admin));

        Assert.Empty(admin.CreateRequests);
        Assert.Contains("topic 'pw.sessions' has 2 partition(s) but KafkaStreamOptions.Partitions is 6", error.Message, StringComparison.Ordinal);
    }
}
