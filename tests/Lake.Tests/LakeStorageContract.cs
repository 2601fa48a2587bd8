using System.Text;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake.Tests;

/// <summary>
/// What every <see cref="ILakeStorage"/> promises (docs/lake.md), run against each implementation by a subclass.
/// </summary>
public abstract class LakeStorageContract : IAsyncLifetime
{
    private ILakeStorage? _storage;

    protected ILakeStorage Storage => _storage ?? throw new InvalidOperationException("Not initialized.");

    protected abstract Task<ILakeStorage> CreateStorageAsync();

    public virtual async ValueTask InitializeAsync() => _storage = await CreateStorageAsync();

    public virtual ValueTask DisposeAsync()
    {
        (_storage as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AWrittenFileReadsBackByteForByte()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        await Storage.WriteFileAsync("raw/a/b.bin", new MemoryStream(bytes), cancellationToken: Ct);

        Assert.Equal(bytes, await ReadAsync("raw/a/b.bin"));
        var entry = await Storage.GetEntryAsync("raw/a/b.bin", cancellationToken: Ct);
        Assert.Equal(new LakeEntry("raw/a/b.bin", false, bytes.Length, entry!.ModifiedAt), entry);
    }

    [Fact]
    public async Task WritingOverAFileIsRefusedUnlessOverwriteIsAsked()
    {
        await WriteTextAsync("x/f.txt", "one");

        await Assert.ThrowsAsync<LakeFileExistsException>(() => Storage.WriteFileAsync("x/f.txt", Text("two"), cancellationToken: Ct));
        Assert.Equal("one", await ReadTextAsync("x/f.txt"));

        await Storage.WriteFileAsync("x/f.txt", Text("three"), overwrite: true, cancellationToken: Ct);
        Assert.Equal("three", await ReadTextAsync("x/f.txt"));
    }

    [Fact]
    public async Task MissingFilesAndDirectoriesAreReportedAsSuch()
    {
        Assert.Null(await Storage.GetEntryAsync("nothing/here", cancellationToken: Ct));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.OpenReadAsync("nothing/here", cancellationToken: Ct));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.ListAsync("nothing", cancellationToken: Ct));
        Assert.False(await Storage.DeleteAsync("nothing/here", cancellationToken: Ct));
    }

    [Fact]
    public async Task ListingGivesDirectChildrenOrEverythingBelowInPathOrder()
    {
        await WriteTextAsync("raw/s/date=2026-03-02/type=b/part-2.parquet", "2");
        await WriteTextAsync("raw/s/date=2026-03-02/type=a/part-1.parquet", "1");
        await WriteTextAsync("raw/s/top.txt", "t");

        var children = await Storage.ListAsync("raw/s", cancellationToken: Ct);
        Assert.Equal(["raw/s/date=2026-03-02", "raw/s/top.txt"], children.Select(e => e.Path));
        Assert.Equal([true, false], children.Select(e => e.IsDirectory));

        var all = await Storage.ListAsync("raw/s", recursive: true, cancellationToken: Ct);
        Assert.Equal(
            [
                "raw/s/date=2026-03-02",
                "raw/s/date=2026-03-02/type=a",
                "raw/s/date=2026-03-02/type=a/part-1.parquet",
                "raw/s/date=2026-03-02/type=b",
                "raw/s/date=2026-03-02/type=b/part-2.parquet",
                "raw/s/top.txt",
            ],
            all.Select(e => e.Path));
        Assert.Equal("part-1.parquet", all[2].Name);
        Assert.Equal(1, all[2].Length);

        Assert.Equal(["raw"], (await Storage.ListAsync("", cancellationToken: Ct)).Select(e => e.Path));
    }

    [Fact]
    public async Task DirectoriesAreCreatedWithTheirParentsAndCreatingTwiceIsHarmless()
    {
        await Storage.CreateDirectoryAsync("processed/daily/2026-03-02", cancellationToken: Ct);
        await Storage.CreateDirectoryAsync("processed/daily/2026-03-02", cancellationToken: Ct);

        var entry = await Storage.GetEntryAsync("processed/daily", cancellationToken: Ct);
        Assert.True(entry!.IsDirectory);
        Assert.Equal(["processed/daily/2026-03-02"], (await Storage.ListAsync("processed/daily", cancellationToken: Ct)).Select(e => e.Path));
    }

    [Fact]
    public async Task RenamingAFileMovesItAndCreatesTheDestinationsParents()
    {
        await WriteTextAsync("tmp/_f.tmp", "content");

        await Storage.RenameAsync("tmp/_f.tmp", "raw/new/dir/f.parquet", cancellationToken: Ct);

        Assert.Null(await Storage.GetEntryAsync("tmp/_f.tmp", cancellationToken: Ct));
        Assert.Equal("content", await ReadTextAsync("raw/new/dir/f.parquet"));
    }

    [Fact]
    public async Task RenamingOntoAFileIsRefusedUnlessReplaceIsAskedThenItReplacesIt()
    {
        await WriteTextAsync("a.txt", "new");
        await WriteTextAsync("b.txt", "old");

        await Assert.ThrowsAsync<LakeFileExistsException>(() => Storage.RenameAsync("a.txt", "b.txt", cancellationToken: Ct));
        Assert.Equal("old", await ReadTextAsync("b.txt"));

        await Storage.RenameAsync("a.txt", "b.txt", replace: true, cancellationToken: Ct);
        Assert.Equal("new", await ReadTextAsync("b.txt"));
        Assert.Null(await Storage.GetEntryAsync("a.txt", cancellationToken: Ct));
    }

    [Fact]
    public async Task RenamingSomethingMissingFails() =>
        await Assert.ThrowsAsync<FileNotFoundException>(() => Storage.RenameAsync("missing", "elsewhere", cancellationToken: Ct));

    [Fact]
    public async Task ADirectoryReplacesAnotherWithAllItsContent()
    {
        await WriteTextAsync("processed/daily/2026-03-02/by_exam/part-0.parquet", "old");
        await WriteTextAsync("processed/daily/2026-03-02/hourly/part-0.parquet", "old");
        await WriteTextAsync("processed/daily/_staging/by_exam/part-0.parquet", "new");

        await Storage.RenameAsync("processed/daily/_staging", "processed/daily/2026-03-02", replace: true, cancellationToken: Ct);

        Assert.Equal(
            ["processed/daily/2026-03-02", "processed/daily/2026-03-02/by_exam", "processed/daily/2026-03-02/by_exam/part-0.parquet"],
            (await Storage.ListAsync("processed/daily", recursive: true, cancellationToken: Ct)).Select(e => e.Path));
        Assert.Equal("new", await ReadTextAsync("processed/daily/2026-03-02/by_exam/part-0.parquet"));
    }

    [Fact]
    public async Task DeletingRemovesFilesAndWholeDirectoriesOnlyWhenAskedTo()
    {
        await WriteTextAsync("d/one.txt", "1");
        await WriteTextAsync("d/sub/two.txt", "2");

        Assert.True(await Storage.DeleteAsync("d/one.txt", cancellationToken: Ct));
        await Assert.ThrowsAnyAsync<IOException>(() => Storage.DeleteAsync("d", cancellationToken: Ct));
        Assert.NotNull(await Storage.GetEntryAsync("d/sub/two.txt", cancellationToken: Ct));

        Assert.True(await Storage.DeleteAsync("d", recursive: true, cancellationToken: Ct));
        Assert.Null(await Storage.GetEntryAsync("d", cancellationToken: Ct));
    }

    [Fact]
    public async Task PublishingLeavesTheFileAndNoTemporaryName()
    {
        await Storage.PublishAsync("raw/x/part-1.parquet", Text("whole"), cancellationToken: Ct);

        Assert.Equal(["raw/x/part-1.parquet"], (await Storage.ListAsync("raw/x", cancellationToken: Ct)).Select(e => e.Path));
        Assert.Equal("whole", await ReadTextAsync("raw/x/part-1.parquet"));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("raw/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("raw//x")]
    [InlineData("raw/./x")]
    [InlineData("raw/x/")]
    [InlineData("raw\\..\\x")]
    [InlineData("c:/x")]
    [InlineData("")]
    public async Task PathsThatCouldLeaveTheLakeAreRefused(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.WriteFileAsync(path, Text("x"), cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.OpenReadAsync(path, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.RenameAsync("a", path, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.DeleteAsync(path, recursive: true, cancellationToken: Ct));
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    protected Task WriteTextAsync(string path, string text) => Storage.WriteFileAsync(path, Text(text), cancellationToken: Ct);

    protected async Task<byte[]> ReadAsync(string path)
    {
        await using var stream = await Storage.OpenReadAsync(path, cancellationToken: Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken: Ct);
        return copy.ToArray();
    }

    protected async Task<string> ReadTextAsync(string path) => Encoding.UTF8.GetString(await ReadAsync(path));
}
