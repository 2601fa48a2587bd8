using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake.Tests;

/// <summary>The storage contract on a folder.</summary>
public sealed class LocalLakeStorageTests : LakeStorageContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lake-").FullName;

    protected override Task<ILakeStorage> CreateStorageAsync() => Task.FromResult<ILakeStorage>(new LocalLakeStorage(_folder));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FilesLandInTheConfiguredFolder()
    {
        await WriteTextAsync("raw/users/f.txt", "x");

        Assert.True(File.Exists(Path.Combine(_folder, "raw", "users", "f.txt")));
    }

    [Fact]
    public async Task ADirectoryReplacingAnotherLeavesNothingAside()
    {
        await WriteTextAsync("out/2026-03/a.parquet", "old");
        await WriteTextAsync("out/_staging/a.parquet", "new");

        await Storage.RenameAsync("out/_staging", "out/2026-03", replace: true, cancellationToken: Ct);

        // Whether by exchange (Linux) or by moving the old one aside, no trace of the old directory stays.
        Assert.Equal(["2026-03"], Directory.GetFileSystemEntries(Path.Combine(_folder, "out")).Select(Path.GetFileName));
    }
}
