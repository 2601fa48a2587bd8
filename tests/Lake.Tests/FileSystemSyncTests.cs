namespace ProctorWise.Lake.Tests;

/// <summary>The atomic directory exchange docs/lake.md promises on Linux.</summary>
public sealed class FileSystemSyncTests
{
    [Fact]
    public void OnLinuxTwoDirectoriesAreExchangedInOneStep()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "renameat2 exists on Linux only.");
        var root = Directory.CreateTempSubdirectory("exchange-").FullName;
        try
        {
            var a = Directory.CreateDirectory(Path.Combine(root, "a")).FullName;
            var b = Directory.CreateDirectory(Path.Combine(root, "b")).FullName;
            File.WriteAllText(Path.Combine(a, "from-a"), "");
            File.WriteAllText(Path.Combine(b, "from-b"), "");

            Assert.True(FileSystemSync.TryExchange(a, b), "this file system refused RENAME_EXCHANGE");

            Assert.True(File.Exists(Path.Combine(a, "from-b")));
            Assert.True(File.Exists(Path.Combine(b, "from-a")));
            FileSystemSync.Directory(root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
