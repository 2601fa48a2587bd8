using Microsoft.Extensions.Logging.Abstractions;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.Streaming.Kafka.Tests.Grains;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>Topics are checked at start: missing ones and wrong partition counts stop the provider with a clear message.</summary>
[Trait("Category", "Integration")]
public sealed class KafkaTopicManagerTests : IDisposable
{
    private readonly KafkaMockCluster _kafka = new();

    public void Dispose() => _kafka.Dispose();

    private KafkaStreamOptions Options(string prefix)
    {
        var options = new KafkaStreamOptions
        {
            BootstrapServers = _kafka.BootstrapServers,
            TopicPrefix = prefix,
            Namespaces = ["alerts", "sessions"],
            Partitions = 4,
            AdminTimeout = TimeSpan.FromSeconds(10),
        };
        options.EventTypes.Add<AlertRaised>("alert-raised");
        return options;
    }

    [Fact]
    public async Task ExistingTopicsWithTheConfiguredPartitionCountPass()
    {
        _kafka.CreateTopic("ok.alerts", 4);
        _kafka.CreateTopic("ok.sessions", 4);
        await new KafkaTopicManager(Options("ok."), "kafka", NullLogger.Instance).EnsureTopicsAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AMissingTopicStopsTheProviderWithItsName()
    {
        _kafka.CreateTopic("missing.alerts", 4);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new KafkaTopicManager(Options("missing."), "kafka", NullLogger.Instance).EnsureTopicsAsync(TestContext.Current.CancellationToken));
        Assert.Contains("topic 'missing.sessions' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("CreateTopics = true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPartitionCountStopsTheProvider()
    {
        _kafka.CreateTopic("wrong.alerts", 4);
        _kafka.CreateTopic("wrong.sessions", 2);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new KafkaTopicManager(Options("wrong."), "kafka", NullLogger.Instance).EnsureTopicsAsync(TestContext.Current.CancellationToken));
        Assert.Contains("topic 'wrong.sessions' has 2 partition(s) but KafkaStreamOptions.Partitions is 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTopicsReportsTheMocksMissingAdminApiClearly()
    {
        _kafka.SetControllerId(_kafka.BrokerIds[0]);
        var options = Options("create.");
        options.CreateTopics = true;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new KafkaTopicManager(options, "kafka", NullLogger.Instance).EnsureTopicsAsync(TestContext.Current.CancellationToken));
        Assert.Contains("could not create topics create.alerts, create.sessions", error.Message, StringComparison.Ordinal);
    }
}
