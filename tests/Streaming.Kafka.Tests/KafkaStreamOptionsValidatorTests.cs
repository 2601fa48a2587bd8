using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using ProctorWise.Streaming.Kafka.Tests.Grains;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>Bad configurations are rejected at start with messages that name the setting.</summary>
public sealed class KafkaStreamOptionsValidatorTests
{
    private static KafkaStreamOptions Valid()
    {
        var options = new KafkaStreamOptions { BootstrapServers = "kafka:9092", Namespaces = ["alerts", "sessions"] };
        options.EventTypes.Add<AlertRaised>("alert-raised");
        return options;
    }

    private static string Failure(KafkaStreamOptions options)
    {
        var result = new KafkaStreamOptionsValidator().Validate("streams", options);
        Assert.True(result.Failed, "the options were accepted");
        return result.FailureMessage;
    }

    [Fact]
    public void ValidOptionsAreAccepted() =>
        Assert.True(new KafkaStreamOptionsValidator().Validate("streams", Valid()).Succeeded);

    [Fact]
    public void MissingBootstrapServersAreRejected()
    {
        var options = Valid();
        options.BootstrapServers = " ";
        Assert.Contains("BootstrapServers is required", Failure(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proctor wise.")]
    [InlineData("pw/")]
    [InlineData("événements.")]
    public void TopicPrefixWithIllegalCharactersIsRejected(string prefix)
    {
        var options = Valid();
        options.TopicPrefix = prefix;
        Assert.Contains($"TopicPrefix '{prefix}' contains characters Kafka does not allow", Failure(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void FewerThanOnePartitionIsRejected(int partitions)
    {
        var options = Valid();
        options.Partitions = partitions;
        Assert.Contains("Partitions must be at least 1", Failure(options), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyNamespacesAreRejected()
    {
        var options = Valid();
        options.Namespaces = [];
        Assert.Contains("Namespaces must list at least one stream namespace", Failure(options), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateAndIllegalNamespacesAreRejected()
    {
        var options = Valid();
        options.Namespaces = ["alerts", "alerts", "a:b", ""];
        var message = Failure(options);
        Assert.Contains("Namespace 'alerts' is listed twice", message, StringComparison.Ordinal);
        Assert.Contains("Namespace 'a:b' contains characters", message, StringComparison.Ordinal);
        Assert.Contains("empty namespace", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingEventTypesAreRejected()
    {
        var options = new KafkaStreamOptions { BootstrapServers = "kafka:9092", Namespaces = ["alerts"] };
        Assert.Contains("EventTypes is empty", Failure(options), StringComparison.Ordinal);
    }

    [Fact]
    public void NonPositiveTimeoutsAndTinyCachesAreRejected()
    {
        var options = Valid();
        options.ProduceTimeout = TimeSpan.Zero;
        options.CacheSize = 5;
        options.ReplicationFactor = 0;
        var message = Failure(options);
        Assert.Contains("ProduceTimeout must be positive", message, StringComparison.Ordinal);
        Assert.Contains("CacheSize must be at least 10", message, StringComparison.Ordinal);
        Assert.Contains("ReplicationFactor must be -1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasesCannotBeRegisteredTwiceForDifferentTypes()
    {
        var registry = new KafkaEventTypeRegistry().Add<AlertRaised>("room");
        var error = Assert.Throws<ArgumentException>(() => registry.Add<SessionChanged>("room"));
        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => registry.Add<RoomEvent>("abstract"));
    }

    [Fact]
    public void ADerivedEventIsRegisteredUnderItsOwnOrleansAliasNotItsBasesAlias()
    {
        var registry = new KafkaEventTypeRegistry().Add<AlertRaised>().Add<SessionChanged>();
        Assert.True(registry.TryGetAlias(typeof(AlertRaised), out var alert));
        Assert.Equal("pw.test.alert-raised", alert);
        Assert.True(registry.TryGetAlias(typeof(SessionChanged), out var session));
        Assert.Equal("pw.test.session-changed", session);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task ASiloWithBadOptionsDoesNotStart()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddKafkaStreams(TestStreams.Provider, options => options.Partitions = 0);
        });
        var cluster = builder.Build();
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync(TestContext.Current.CancellationToken));
            var validation = FindValidationException(error);
            Assert.NotNull(validation);
            Assert.Contains("BootstrapServers is required", validation.Message, StringComparison.Ordinal);
            Assert.Contains("Partitions must be at least 1", validation.Message, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static OptionsValidationException? FindValidationException(Exception? error) => error switch
    {
        null => null,
        OptionsValidationException validation => validation,
        AggregateException aggregate => aggregate.InnerExceptions.Select(FindValidationException).FirstOrDefault(e => e is not null),
        _ => FindValidationException(error.InnerException),
    };
}
