using ProctorWise.Streaming.Kafka.Testing;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>The readiness probe names what is wrong with the provider's topics, and nothing when they are ready.</summary>
[Trait("Category", "Integration")]
public sealed class KafkaTopicProbeTests : IDisposable
{
    private readonly KafkaMockCluster _kafka = new();

    public void Dispose() => _kafka.Dispose();

    private KafkaTopicProbe Probe(string prefix) => new(
        new KafkaStreamOptions { BootstrapServers = _kafka.BootstrapServers, TopicPrefix = prefix, Namespaces = ["alerts", "sessions"], Partitions = 4 },
        "probe", TimeSpan.FromSeconds(5));

    [Fact]
    public async Task ReadyTopicsHaveNoProblem()
    {
        _kafka.CreateTopic("ready.alerts", 4);
        _kafka.CreateTopic("ready.sessions", 4);
        using var probe = Probe("ready.");
        Assert.Equal(["ready.alerts", "ready.sessions"], probe.Topics);
        Assert.Empty(await probe.CheckAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AMissingTopicAndAWrongPartitionCountAreNamedAndTheProbeCreatesNothing()
    {
        _kafka.CreateTopic("half.alerts", 2);
        using var probe = Probe("half.");
        var problems = await probe.CheckAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'half.alerts' has 2 partition(s), 4 expected", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'half.sessions'", StringComparison.Ordinal) && p.Contains("does not exist", StringComparison.Ordinal));

        // Asking again still finds it missing: listing all topics never auto-creates a named one.
        Assert.Equal(2, (await probe.CheckAsync(TestContext.Current.CancellationToken)).Count);
    }
}
