using System.Net;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake.Tests;

/// <summary>The storage contract on the fake WebHDFS, and what is particular to WebHDFS: the datanode step, user.name, errors, timeouts.</summary>
public sealed class WebHdfsLakeStorageTests : LakeStorageContract
{
    private FakeWebHdfs? _hdfs;

    private FakeWebHdfs Hdfs => _hdfs ?? throw new InvalidOperationException("Not initialized.");

    protected override async Task<ILakeStorage> CreateStorageAsync()
    {
        _hdfs = await FakeWebHdfs.StartAsync();
        return Client(TimeSpan.FromSeconds(30));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_hdfs is not null)
        {
            await _hdfs.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACreateSendsTheBytesToTheDatanodeAndNoneToTheNamenode()
    {
        await WriteTextAsync("raw/f.bin", "payload");

        Assert.Equal(0, Hdfs.NamenodeCreateBodyBytes);
        Assert.Equal(1, Hdfs.DatanodeWrites);
        Assert.Equal("payload", await File.ReadAllTextAsync(Hdfs.LocalPath("/lake/raw/f.bin"), Ct));
    }

    [Fact]
    public async Task ANamenodeThatRedirectsInsteadOfAnsweringJsonWorksToo()
    {
        Hdfs.HonourNoRedirect = false;

        await WriteTextAsync("raw/f.bin", "via 307");

        Assert.Equal("via 307", await ReadTextAsync("raw/f.bin"));
        Assert.Equal(0, Hdfs.NamenodeCreateBodyBytes);
    }

    [Fact]
    public async Task EveryRequestActsAsTheConfiguredUser()
    {
        await WriteTextAsync("raw/f.bin", "x");
        await Storage.RenameAsync("raw/f.bin", "raw/g.bin", cancellationToken: Ct);
        await Storage.ListAsync("raw", recursive: true, cancellationToken: Ct);
        await Storage.DeleteAsync("raw", recursive: true, cancellationToken: Ct);

        Assert.NotEmpty(Hdfs.Requests);
        Assert.All(Hdfs.Requests, r => Assert.Equal("lake-writer", r.User));
        Assert.Contains(Hdfs.Requests, r => r.Op == "CREATE");
        Assert.Contains(Hdfs.Requests, r => r.Op == "RENAME");
        Assert.Contains(Hdfs.Requests, r => r.Op == "LISTSTATUS");
        Assert.Contains(Hdfs.Requests, r => r.Op == "DELETE");
    }

    [Fact]
    public async Task APermissionDeniedBecomesAnUnauthorizedAccessWithHdfsMessage()
    {
        Hdfs.DeniedPrefix = "/lake/locked";

        var e = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WriteTextAsync("locked/f.bin", "x"));

        Assert.Contains("AccessControlException", e.Message, StringComparison.Ordinal);
        Assert.Contains("user=lake-writer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherRemoteExceptionsKeepTheirHdfsName()
    {
        Hdfs.FailNext("MKDIRS", HttpStatusCode.Forbidden, "SafeModeException", "Cannot create directory /lake/raw. Name node is in safe mode.");

        var e = await Assert.ThrowsAsync<LakeStorageException>(() => Storage.CreateDirectoryAsync("raw", cancellationToken: Ct));

        Assert.Equal("SafeModeException", e.RemoteException);
        Assert.Equal(HttpStatusCode.Forbidden, e.Status);
        Assert.Contains("safe mode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorPageThatIsNotJsonIsReportedWithItsStatus()
    {
        Hdfs.FailNextWithPage("GETFILESTATUS", HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>");

        var e = await Assert.ThrowsAsync<LakeStorageException>(() => Storage.GetEntryAsync("raw", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.BadGateway, e.Status);
        Assert.Contains("HTTP 502", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingDatanodeFailsTheWrite()
    {
        Hdfs.FailNext("CREATE@datanode", HttpStatusCode.InternalServerError, "IOException", "All datanodes are bad. Aborting...");

        var e = await Assert.ThrowsAsync<LakeStorageException>(() => WriteTextAsync("raw/f.bin", "x"));

        Assert.Contains("All datanodes are bad", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANamenodeThatDoesNotAnswerTimesOut()
    {
        using var impatient = Client(TimeSpan.FromMilliseconds(300));
        Hdfs.HangNext("LISTSTATUS");

        var e = await Assert.ThrowsAsync<TimeoutException>(() => impatient.ListAsync("", cancellationToken: Ct));

        Assert.Contains("LISTSTATUS", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLakeLivesUnderTheConfiguredRoot()
    {
        await WriteTextAsync("raw/users/f.txt", "x");

        Assert.True(File.Exists(Hdfs.LocalPath("/lake/raw/users/f.txt")));
    }

    private WebHdfsLakeStorage Client(TimeSpan timeout) => new(new LakeOptions
    {
        Provider = LakeProvider.WebHdfs,
        Root = "/lake",
        WebHdfs = new LakeWebHdfsOptions { Url = Hdfs.Url, User = "lake-writer", Timeout = timeout },
    });
}
