using System.Text.Json;
using System.Text.Json.Serialization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Lake.Events;
using ProctorWise.Streaming.Kafka;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.TestSupport;

namespace ProctorWise.Lake.Kafka.Tests;

/// <summary>
/// The lake's consumer group against librdkafka's mock cluster: records written in the provider's format land in the
/// raw zone, and the group's committed offset never passes an event whose file is not durable.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LakeKafkaIngesterTests : IAsyncDisposable
{
    private const string Users = "users";
    private const int Partitions = 2;

    private readonly KafkaMockCluster _kafka = new();
    private readonly string _lake = Path.Combine(Path.GetTempPath(), "pw-lake-kafka-" + Guid.NewGuid().ToString("N"));
    private readonly KafkaStreamOptions _streams;
    private readonly string _group = "lake-test-" + Guid.NewGuid().ToString("N");
    private readonly List<LakeKafkaIngester> _ingesters = [];

    public LakeKafkaIngesterTests()
    {
        _streams = new KafkaStreamOptions
        {
            BootstrapServers = _kafka.BootstrapServers,
            TopicPrefix = "t" + Guid.NewGuid().ToString("N")[..8] + ".",
            JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            },
        };
        _streams.EventTypes.Add<UserRegistered>();

        // A member that goes away is noticed in seconds rather than librdkafka's default 45 s.
        _streams.ConsumerSettings["session.timeout.ms"] = "6000";
        _streams.ConsumerSettings["heartbeat.interval.ms"] = "500";
        _kafka.CreateTopic(_streams.TopicFor(Users), Partitions);
    }

    [Fact]
    public async Task FactsWrittenAsTheProviderWritesThemLandAndTheGroupCommitsPastThem()
    {
        var storage = new ControlledLakeStorage(_lake);
        await StartAsync(storage);
        var facts = await ProduceAsync(5);
        await ProduceUnreadableAsync();

        var landed = await Eventually.UntilAsync(LandedAsync, l => facts.All(f => l.Contains(f.EventId.ToString("D"))), "the facts in Parquet files");
        Assert.All(Directory.EnumerateFiles(_lake, "*.parquet", SearchOption.AllDirectories),
            f => Assert.Contains($"{Path.DirectorySeparatorChar}raw{Path.DirectorySeparatorChar}users{Path.DirectorySeparatorChar}date=", f, StringComparison.Ordinal));

        // Every record is done, the unreadable one too (the provider skips it as well): the group is at the end.
        await Eventually.HoldsAsync(() => CommittedTotal() == 6, () => $"committed {CommittedTotal()} of 6 records");
        Assert.Equal(facts.Length, landed.Count);
    }

    [Fact]
    public async Task TheCommittedOffsetDoesNotPassAnEventBeforeItsFileIsDurable()
    {
        var storage = new ControlledLakeStorage(_lake);
        storage.Hold();
        await StartAsync(storage);
        var facts = await ProduceAsync(3);

        // The flush is under way (temporary files written, the renames held): nothing is committed, nothing visible.
        await Eventually.HoldsAsync(() => storage.Renames > 0, () => "a flush publishing its files");
        Assert.Equal(0, CommittedTotal());
        Assert.Empty(await LandedAsync());

        storage.Release();
        await Eventually.HoldsAsync(() => CommittedTotal() == facts.Length, () => $"committed {CommittedTotal()} of {facts.Length}");
        var landed = await LandedAsync();
        Assert.All(facts, f => Assert.Contains(f.EventId.ToString("D"), landed));
    }

    [Fact]
    public async Task AFailedFlushCommitsNothingLeavesNoFileAndTheGroupsNextConsumerLandsTheEvents()
    {
        var failing = new ControlledLakeStorage(_lake) { Fail = true };
        var first = await StartAsync(failing);
        var facts = await ProduceAsync(4);

        await Eventually.HoldsAsync(() => first.FailedFlushes > 0, () => "a failed flush");
        Assert.Equal(0, CommittedTotal());
        Assert.Empty(Directory.EnumerateFiles(_lake, "*", SearchOption.AllDirectories));

        // The consumer stops while the lake still fails (its last flush fails too): it commits nothing, and the next
        // member of the group reads the events again.
        await first.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, CommittedTotal());
        Assert.Empty(Directory.EnumerateFiles(_lake, "*", SearchOption.AllDirectories));

        await StartAsync(new ControlledLakeStorage(_lake));
        await Eventually.HoldsAsync(() => CommittedTotal() == facts.Length, () => $"committed {CommittedTotal()} of {facts.Length}");
        var landed = await LandedAsync();
        Assert.Equal(facts.Select(f => f.EventId.ToString("D")).Order(), landed.Distinct().Order());
    }

    [Fact]
    public async Task WhenTheLakeRecoversTheSameConsumerLandsWhatFailedAndCommitsIt()
    {
        var storage = new ControlledLakeStorage(_lake) { Fail = true };
        var ingester = await StartAsync(storage);
        var facts = await ProduceAsync(3);
        await Eventually.HoldsAsync(() => ingester.FailedFlushes > 0, () => "a failed flush");
        Assert.Equal(0, CommittedTotal());

        storage.Fail = false;
        await Eventually.HoldsAsync(() => CommittedTotal() == facts.Length, () => $"committed {CommittedTotal()} of {facts.Length}");
        Assert.Equal(facts.Select(f => f.EventId.ToString("D")).Order(), (await LandedAsync()).Distinct().Order());
    }

    [Fact]
    public async Task WhenAMemberLeavesTheOtherTakesItsPartitionsAndEveryFactLandsAndIsCommitted()
    {
        var first = await StartAsync(new ControlledLakeStorage(_lake));
        var second = await StartAsync(new ControlledLakeStorage(_lake));
        var before = await ProduceAsync(12);
        await Eventually.HoldsAsync(() => CommittedTotal() == before.Length, () => $"committed {CommittedTotal()} of {before.Length} with two members");

        // The second member leaves (a scale-in); the facts that follow, on both partitions, are the first's to land.
        await second.StopAsync(TestContext.Current.CancellationToken);
        var after = await ProduceAsync(12);

        var all = before.Concat(after).ToArray();
        await Eventually.HoldsAsync(() => CommittedTotal() == all.Length, () => $"committed {CommittedTotal()} of {all.Length} after the rebalance");
        Assert.Equal(all.Select(f => f.EventId.ToString("D")).Order(), (await LandedAsync()).Distinct().Order());
        Assert.Equal(0, first.FailedFlushes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var ingester in _ingesters)
        {
            await ingester.StopAsync(CancellationToken.None);
            ingester.Dispose();
        }

        _kafka.Dispose();
        if (Directory.Exists(_lake))
        {
            Directory.Delete(_lake, recursive: true);
        }
    }

    private async Task<LakeKafkaIngester> StartAsync(ControlledLakeStorage storage)
    {
        var options = Options.Create(new LakeOptions { Path = _lake, BatchSize = 1000, FlushInterval = TimeSpan.FromSeconds(1) });
        var batcher = new LakeEventBatcher(new ParquetEventWriter(storage), options, TimeProvider.System);
        var settings = new LakeKafkaIngestionSettings(_streams, _group, [Users])
        {
            FirstRetryDelay = TimeSpan.FromMilliseconds(200),
            LastRetryDelay = TimeSpan.FromMilliseconds(500),
        };
        var ingester = new LakeKafkaIngester(settings, batcher, TimeProvider.System, NullLogger<LakeKafkaIngester>.Instance);
        _ingesters.Add(ingester);
        await ingester.StartAsync(TestContext.Current.CancellationToken);
        return ingester;
    }

    private async Task<UserRegistered[]> ProduceAsync(int count)
    {
        var format = new KafkaRecordFormat(_streams);
        var now = DateTimeOffset.UtcNow;
        var facts = Enumerable.Range(0, count)
            .Select(i => new UserRegistered(Guid.CreateVersion7(), now, $"user-{i}-{Guid.NewGuid():N}", UserRole.Student, now))
            .ToArray();
        using var producer = Producer();
        foreach (var fact in facts)
        {
            await producer.ProduceAsync(_streams.TopicFor(Users), format.Write(Users, fact.UserId, fact), TestContext.Current.CancellationToken);
        }

        return facts;
    }

    private async Task ProduceUnreadableAsync()
    {
        using var producer = Producer();
        await producer.ProduceAsync(_streams.TopicFor(Users), new Message<byte[], byte[]> { Key = "x"u8.ToArray(), Value = "{}"u8.ToArray() }, TestContext.Current.CancellationToken);
    }

    private IProducer<byte[], byte[]> Producer() =>
        new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = _kafka.BootstrapServers, Partitioner = Partitioner.Murmur2Random })
            .SetLogHandler((_, _) => { })
            .Build();

    /// <summary>The sum of the group's committed offsets over the topic's partitions (0 where none is committed).</summary>
    private long CommittedTotal()
    {
        using var reader = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = _group })
            .SetLogHandler((_, _) => { })
            .Build();
        var partitions = Enumerable.Range(0, Partitions).Select(p => new TopicPartition(_streams.TopicFor(Users), p));
        return reader.Committed(partitions, TimeSpan.FromSeconds(10)).Sum(c => c.Offset.Value < 0 ? 0 : c.Offset.Value);
    }

    /// <summary>The event ids in the visible Parquet files of the raw zone (repeats included).</summary>
    private Task<List<string>> LandedAsync() => LakeFiles.EventIdsAsync(_lake);
}
