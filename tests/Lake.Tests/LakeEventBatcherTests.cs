using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Lake.Events;

namespace ProctorWise.Lake.Tests;

/// <summary>Batches flush by count and by age on a fake clock; only what is in published files is reported durable.</summary>
public sealed class LakeEventBatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lake-batcher-").FullName;
    private readonly LocalLakeStorage _storage;
    private readonly FaultyLakeStorage _faulty;
    private readonly FakeTimeProvider _clock = new(SampleEvents.OccurredAt);
    private readonly LakeEventBatcher _batcher;

    public LakeEventBatcherTests()
    {
        _storage = new LocalLakeStorage(_folder);
        _faulty = new FaultyLakeStorage(_storage);
        _batcher = new LakeEventBatcher(new ParquetEventWriter(_faulty), Options.Create(new LakeOptions { BatchSize = 3, FlushInterval = TimeSpan.FromSeconds(30) }), _clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _batcher.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheBatchIsWrittenWhenItReachesBatchSize()
    {
        Assert.Same(LakeFlushResult.Empty, await _batcher.AddAsync(User(1), Ct));
        Assert.Same(LakeFlushResult.Empty, await _batcher.AddAsync(User(2), Ct));
        Assert.Empty(await ParquetFilesAsync());

        var result = await _batcher.AddAsync(User(3), Ct);

        Assert.Equal([SampleEvents.Id(1), SampleEvents.Id(2), SampleEvents.Id(3)], result.Durable.Select(e => e.EventId));
        Assert.Equal(result.Files, await ParquetFilesAsync());
        Assert.Equal(0, _batcher.PendingCount);
    }

    [Fact]
    public async Task TheBatchIsWrittenOnceTheOldestEventHasWaitedTheFlushInterval()
    {
        await _batcher.AddAsync(User(1), Ct);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Same(LakeFlushResult.Empty, await _batcher.FlushIfDueAsync(Ct));
        Assert.Equal(SampleEvents.OccurredAt + TimeSpan.FromSeconds(30), _batcher.FlushDueAt);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var result = await _batcher.FlushIfDueAsync(Ct);

        Assert.Equal([SampleEvents.Id(1)], result.Durable.Select(e => e.EventId));
        Assert.Null(_batcher.FlushDueAt);
    }

    [Fact]
    public async Task AnEventAddedAfterTheIntervalFlushesTheWholeBatch()
    {
        await _batcher.AddAsync(User(1), Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var result = await _batcher.AddAsync(User(2), Ct);

        Assert.Equal(2, result.Durable.Count);
    }

    [Fact]
    public async Task ARedeliveredEventThatStillWaitsIsKeptOnce()
    {
        await _batcher.AddAsync(User(1), Ct);
        await _batcher.AddAsync(User(1), Ct);

        Assert.Equal(1, _batcher.PendingCount);
    }

    [Fact]
    public async Task UiSnapshotsAreNotFactsAndAreIgnored()
    {
        var snapshot = new SessionChanged(Guid.CreateVersion7(), SampleEvents.OccurredAt, null!);

        Assert.False(LakeEventBatcher.Lands(snapshot));
        Assert.Same(LakeFlushResult.Empty, await _batcher.AddAsync(snapshot, Ct));
        Assert.Equal(0, _batcher.PendingCount);
    }

    [Fact]
    public async Task AFailedFlushReachesTheCallerKeepsTheEventsAndTheNextFlushLandsThem()
    {
        _faulty.FailRenameTo = _ => true;
        await _batcher.AddAsync(User(1), Ct);
        await _batcher.AddAsync(User(2), Ct);

        await Assert.ThrowsAsync<LakeWriteException>(() => _batcher.AddAsync(User(3), Ct));

        Assert.Equal(3, _batcher.PendingCount);
        Assert.Empty(await ParquetFilesAsync());

        _faulty.FailRenameTo = _ => false;
        var result = await _batcher.FlushAsync(Ct);
        Assert.Equal(3, result.Durable.Count);
        Assert.Single(await ParquetFilesAsync());
    }

    [Fact]
    public async Task OnlyTheEventsOfPublishedFilesLeaveTheBatchWhenAFlushFailsHalfway()
    {
        _faulty.FailRenameTo = path => path.Contains("type=user_", StringComparison.Ordinal);
        await _batcher.AddAsync(SampleEvents.All[0].Event, Ct);

        await _batcher.AddAsync(User(50), Ct);

        var e = await Assert.ThrowsAsync<LakeWriteException>(() => _batcher.FlushAsync(Ct));

        Assert.Equal([SampleEvents.All[0].Event], e.Durable);
        Assert.Equal(1, _batcher.PendingCount);
    }

    private static UserRegistered User(int n) => new(SampleEvents.Id(n), SampleEvents.OccurredAt, $"user-{n}", default, SampleEvents.Start);

    private async Task<List<string>> ParquetFilesAsync() =>
        [.. (await _storage.ListAsync("", recursive: true, Ct)).Where(f => f.Path.EndsWith(".parquet", StringComparison.Ordinal)).Select(f => f.Path)];
}
