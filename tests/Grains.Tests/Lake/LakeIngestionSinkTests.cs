using Microsoft.Extensions.Logging.Abstractions;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Hosting.Silo.Ingestion;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;
using ProctorWise.Lake.Kafka.Tests;
using ProctorWise.TestSupport;

namespace ProctorWise.Grains.Tests.Lake;

/// <summary>
/// The silo's ingestion queue when the lake fails: accepted events wait (none visible, none lost), are landed once the
/// lake writes again, and a stop during the failure leaves no partial file.
/// </summary>
public sealed class LakeIngestionSinkTests : IAsyncDisposable
{
    private readonly string _lake = Path.Combine(Path.GetTempPath(), "pw-lake-sink-" + Guid.NewGuid().ToString("N"));
    private readonly List<LakeIngestionSink> _sinks = [];

    [Fact]
    public async Task EventsAcceptedWhileTheLakeFailsWaitAndLandOnceWhenItRecovers()
    {
        var storage = new ControlledLakeStorage(_lake) { Fail = true };
        var sink = Start(storage);
        var facts = Facts(3);
        foreach (var fact in facts)
        {
            await sink.AcceptAsync(fact, TestContext.Current.CancellationToken);
        }

        // A flush ran into the failure: everything still waits, nothing is visible.
        await Eventually.HoldsAsync(() => storage.Renames > 0, () => "a flush trying to publish its file");
        Assert.Equal(facts.Length, sink.PendingCount);
        Assert.Empty(Visible());

        // A delivery while the lake fails is still accepted (the queue has room) and lands with the others.
        var late = Facts(1)[0];
        await sink.AcceptAsync(late, TestContext.Current.CancellationToken);

        storage.Fail = false;
        await Eventually.HoldsAsync(() => sink.PendingCount == 0, () => $"{sink.PendingCount} events still waiting after the lake recovered");
        var landed = await LandedAsync();
        Assert.Equal(facts.Append(late).Select(f => f.EventId.ToString("D")).Order(), landed.Order());
    }

    [Fact]
    public async Task AStopWhileTheLakeFailsLeavesNoPartialFile()
    {
        var storage = new ControlledLakeStorage(_lake) { Fail = true };
        var sink = Start(storage);
        foreach (var fact in Facts(2))
        {
            await sink.AcceptAsync(fact, TestContext.Current.CancellationToken);
        }

        await Eventually.HoldsAsync(() => storage.Renames > 0, () => "a flush trying to publish its file");
        await sink.StopAsync(TestContext.Current.CancellationToken);

        // The last try failed too: the events are reported lost with the process, and no half-written file is visible.
        Assert.Equal(2, sink.PendingCount);
        Assert.Empty(Visible());
    }

    [Fact]
    public async Task EventsTheLakeDoesNotKeepAreNotQueued()
    {
        var sink = Start(new ControlledLakeStorage(_lake));

        await sink.AcceptAsync(new NotForTheLake(Guid.CreateVersion7(), DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        Assert.Equal(0, sink.PendingCount);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.StopAsync(CancellationToken.None);
            sink.Dispose();
        }

        if (Directory.Exists(_lake))
        {
            Directory.Delete(_lake, recursive: true);
        }
    }

    private LakeIngestionSink Start(ControlledLakeStorage storage)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new LakeOptions { Path = _lake, BatchSize = 1000, FlushInterval = TimeSpan.FromMilliseconds(200) });
        var batcher = new LakeEventBatcher(new ParquetEventWriter(storage), options, TimeProvider.System);
        var sink = new LakeIngestionSink(batcher, TimeProvider.System, NullLogger<LakeIngestionSink>.Instance);
        _sinks.Add(sink);
        sink.Start();
        return sink;
    }

    private static UserRegistered[] Facts(int count)
    {
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, count).Select(i => new UserRegistered(Guid.CreateVersion7(), now, $"user-{i}-{Guid.NewGuid():N}", UserRole.Student, now))];
    }

    /// <summary>Published files (temporary ones end in <c>.tmp</c>, so no reader of the lake sees them).</summary>
    private IEnumerable<string> Visible() =>
        Directory.Exists(_lake) ? Directory.EnumerateFiles(_lake, "*.parquet", SearchOption.AllDirectories) : [];

    private Task<List<string>> LandedAsync() => LakeFiles.EventIdsAsync(_lake);

    /// <summary>A domain event with no place in the lake's layout.</summary>
    private sealed record NotForTheLake(Guid EventId, DateTimeOffset OccurredAt) : DomainEvent(EventId, OccurredAt);
}
