using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ProctorWise.Lake.Tests;

/// <summary>
/// A WebHDFS stand-in on Kestrel (loopback, a free port), backed by a temporary folder: a namenode at
/// <c>/webhdfs/v1</c> that answers CREATE and OPEN with a datanode address (307, or JSON with <c>noredirect=true</c>),
/// a datanode at <c>/datanode/webhdfs/v1</c> that takes and serves the bytes, HDFS's rename2 and delete rules, and
/// errors as Hadoop's RemoteException JSON. Tests can queue failures, hang a request, or deny a path. Not covered:
/// Kerberos and delegation tokens, HA namenodes, APPEND, checksums, permissions beyond one denied prefix.
/// </summary>
internal sealed class FakeWebHdfs : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new();

    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _faults = new(StringComparer.Ordinal);

    private FakeWebHdfs(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    /// <summary>The namenode's address (what <c>Lake:WebHdfs:Url</c> is set to).</summary>
    public string Url { get; private set; } = "";

    /// <summary>False plays a namenode older than Hadoop 2.8, which ignores <c>noredirect</c> and always redirects.</summary>
    public bool HonourNoRedirect { get; set; } = true;

    /// <summary>HDFS paths under this prefix refuse writes with AccessControlException.</summary>
    public string? DeniedPrefix { get; set; }

    /// <summary>Every (op, user.name) the namenode received.</summary>
    public ConcurrentQueue<(string Op, string? User)> Requests { get; } = new();

    /// <summary>Bytes that arrived in CREATE requests at the namenode (a correct client sends none there).</summary>
    public long NamenodeCreateBodyBytes => Interlocked.Read(ref _namenodeCreateBodyBytes);

    /// <summary>Files the datanode wrote.</summary>
    public int DatanodeWrites => _datanodeWrites;

    private long _namenodeCreateBodyBytes;
    private int _datanodeWrites;

    public static async Task<FakeWebHdfs> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("fake-hdfs-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWebHdfs(app, folder);
        app.Map("/webhdfs/v1/{**path}", fake.NamenodeAsync);
        app.Map("/datanode/webhdfs/v1/{**path}", fake.DatanodeAsync);
        await app.StartAsync();
        fake.Url = app.Urls.Single();
        return fake;
    }

    /// <summary>The next request for <paramref name="op"/> (e.g. RENAME, or CREATE@datanode) fails with a RemoteException.</summary>
    public void FailNext(string op, HttpStatusCode status, string exception, string message) =>
        Enqueue(op, ctx => RemoteExceptionAsync(ctx, status, exception, message));

    /// <summary>The next request for <paramref name="op"/> answers with a non-JSON body (a proxy's error page).</summary>
    public void FailNextWithPage(string op, HttpStatusCode status, string page) =>
        Enqueue(op, async ctx =>
        {
            ctx.Response.StatusCode = (int)status;
            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync(page);
        });

    /// <summary>The next request for <paramref name="op"/> never answers (until the client gives up).</summary>
    public void HangNext(string op) =>
        Enqueue(op, async ctx =>
        {
            // Ends when the client aborts the request; the fake must not answer before that.
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });

    /// <summary>The fake's folder path of an HDFS path (to look behind the API).</summary>
    public string LocalPath(string hdfsPath) => Path.Combine(_folder, hdfsPath.TrimStart('/'));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private void Enqueue(string op, Func<HttpContext, Task> fault) => _faults.GetOrAdd(op, _ => new()).Enqueue(fault);

    private bool TryFault(string op, out Func<HttpContext, Task> fault)
    {
        fault = null!;
        return _faults.TryGetValue(op, out var queue) && queue.TryDequeue(out fault!);
    }

    private async Task NamenodeAsync(HttpContext ctx, string? path)
    {
        var op = (ctx.Request.Query["op"].ToString() ?? "").ToUpperInvariant();
        var user = ctx.Request.Query["user.name"].FirstOrDefault();
        Requests.Enqueue((op, user));
        var hdfs = "/" + (path ?? "").TrimEnd('/');
        if (op == "CREATE")
        {
            // Count what a wrong client would send to the namenode; a real one drops it.
            using var sink = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(sink);
            Interlocked.Add(ref _namenodeCreateBodyBytes, sink.Length);
        }

        if (TryFault(op, out var fault))
        {
            await fault(ctx);
            return;
        }

        if (user is null)
        {
            await RemoteExceptionAsync(ctx, HttpStatusCode.Unauthorized, "SecurityException", "Failed to obtain user group information: no user.name");
            return;
        }

        var local = LocalPath(hdfs);
        switch (op)
        {
            case "GETFILESTATUS":
                await (Exists(local)
                    ? JsonAsync(ctx, new { FileStatus = Status(local, "") })
                    : NotFoundAsync(ctx, hdfs));
                break;
            case "LISTSTATUS":
                if (File.Exists(local))
                {
                    await JsonAsync(ctx, new { FileStatuses = new { FileStatus = new[] { Status(local, "") } } });
                }
                else if (Directory.Exists(local))
                {
                    var children = new DirectoryInfo(local).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => Status(i.FullName, i.Name)).ToArray();
                    await JsonAsync(ctx, new { FileStatuses = new { FileStatus = children } });
                }
                else
                {
                    await NotFoundAsync(ctx, hdfs);
                }

                break;
            case "MKDIRS":
                if (await DeniedAsync(ctx, hdfs, user))
                {
                    return;
                }

                if (File.Exists(local))
                {
                    await RemoteExceptionAsync(ctx, HttpStatusCode.Forbidden, "FileAlreadyExistsException", $"Path is not a directory: {hdfs}");
                    return;
                }

                Directory.CreateDirectory(local);
                await JsonAsync(ctx, new { boolean = true });
                break;
            case "DELETE":
                await DeleteAsync(ctx, hdfs, local, user);
                break;
            case "RENAME":
                await RenameAsync(ctx, hdfs, local, user);
                break;
            case "CREATE":
                if (await DeniedAsync(ctx, hdfs, user))
                {
                    return;
                }

                if (Directory.Exists(local) || (File.Exists(local) && ctx.Request.Query["overwrite"] != "true"))
                {
                    await RemoteExceptionAsync(ctx, HttpStatusCode.Forbidden, "FileAlreadyExistsException", $"{hdfs} for client 127.0.0.1 already exists");
                    return;
                }

                await RedirectAsync(ctx, hdfs, $"op=CREATE&user.name={Uri.EscapeDataString(user)}&overwrite={ctx.Request.Query["overwrite"]}&createparent=true");
                break;
            case "OPEN":
                await (File.Exists(local)
                    ? RedirectAsync(ctx, hdfs, $"op=OPEN&user.name={Uri.EscapeDataString(user)}&offset=0")
                    : NotFoundAsync(ctx, hdfs));
                break;
            default:
                await RemoteExceptionAsync(ctx, HttpStatusCode.BadRequest, "IllegalArgumentException", $"Invalid value for webhdfs parameter \"op\": No enum constant {op}");
                break;
        }
    }

    private async Task DatanodeAsync(HttpContext ctx, string? path)
    {
        var op = ctx.Request.Query["op"].ToString().ToUpperInvariant();
        var hdfs = "/" + (path ?? "");
        var local = LocalPath(hdfs);
        if (TryFault(op + "@datanode", out var fault))
        {
            await fault(ctx);
            return;
        }

        if (op == "CREATE" && HttpMethods.IsPut(ctx.Request.Method))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            await using (var file = new FileStream(local, ctx.Request.Query["overwrite"] == "true" ? FileMode.Create : FileMode.CreateNew))
            {
                await ctx.Request.Body.CopyToAsync(file);
            }

            Interlocked.Increment(ref _datanodeWrites);
            ctx.Response.StatusCode = StatusCodes.Status201Created;
            ctx.Response.Headers.Location = "hdfs://fake" + hdfs;
            return;
        }

        if (op == "OPEN" && HttpMethods.IsGet(ctx.Request.Method))
        {
            ctx.Response.ContentType = "application/octet-stream";
            await ctx.Response.SendFileAsync(local);
            return;
        }

        await RemoteExceptionAsync(ctx, HttpStatusCode.BadRequest, "IllegalArgumentException", $"Datanode does not serve {ctx.Request.Method} op={op}");
    }

    private async Task RedirectAsync(HttpContext ctx, string hdfs, string query)
    {
        var datanode = $"{Url}/datanode/webhdfs/v1{string.Join('/', hdfs.Split('/').Select(Uri.EscapeDataString))}?{query}";
        if (HonourNoRedirect && ctx.Request.Query["noredirect"] == "true")
        {
            await JsonAsync(ctx, new { Location = datanode });
            return;
        }

        ctx.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        ctx.Response.Headers.Location = datanode;
    }

    private async Task DeleteAsync(HttpContext ctx, string hdfs, string local, string user)
    {
        if (await DeniedAsync(ctx, hdfs, user))
        {
            return;
        }

        var recursive = ctx.Request.Query["recursive"] == "true";
        if (File.Exists(local))
        {
            File.Delete(local);
        }
        else if (Directory.Exists(local))
        {
            if (!recursive && Directory.EnumerateFileSystemEntries(local).Any())
            {
                await RemoteExceptionAsync(ctx, HttpStatusCode.Forbidden, "PathIsNotEmptyDirectoryException", $"`{hdfs} is non empty': Directory is not empty");
                return;
            }

            Directory.Delete(local, recursive);
        }
        else
        {
            await JsonAsync(ctx, new { boolean = false });
            return;
        }

        await JsonAsync(ctx, new { boolean = true });
    }

    /// <summary>HDFS rename2 (with renameoptions): clear errors, OVERWRITE replaces a file or an empty directory only.</summary>
    private async Task RenameAsync(HttpContext ctx, string hdfs, string local, string user)
    {
        var destination = ctx.Request.Query["destination"].ToString();
        var options = ctx.Request.Query["renameoptions"].ToString();
        if (await DeniedAsync(ctx, hdfs, user) || await DeniedAsync(ctx, destination, user))
        {
            return;
        }

        if (options.Length == 0)
        {
            await RemoteExceptionAsync(ctx, HttpStatusCode.BadRequest, "IllegalArgumentException", "This fake only implements rename2 (renameoptions).");
            return;
        }

        var target = LocalPath(destination);
        if (!Exists(local))
        {
            await NotFoundAsync(ctx, hdfs);
            return;
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            await RemoteExceptionAsync(ctx, HttpStatusCode.NotFound, "FileNotFoundException", $"rename destination parent {destination} not found.");
            return;
        }

        if (Exists(target))
        {
            if (!options.Contains("OVERWRITE", StringComparison.Ordinal))
            {
                await RemoteExceptionAsync(ctx, HttpStatusCode.Forbidden, "FileAlreadyExistsException", $"rename destination {destination} already exists.");
                return;
            }

            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                await RemoteExceptionAsync(ctx, HttpStatusCode.Forbidden, "IOException", $"rename destination directory is not empty: {destination}");
                return;
            }

            if (Directory.Exists(target) != Directory.Exists(local))
            {
                await RemoteExceptionAsync(ctx, HttpStatusCode.Forbidden, "IOException", $"Source {hdfs} and destination {destination} must both be directories or both files");
                return;
            }
        }

        if (Directory.Exists(local))
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(local, target);
        }
        else
        {
            File.Move(local, target, overwrite: true);
        }

        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = "application/json";
    }

    private async Task<bool> DeniedAsync(HttpContext ctx, string hdfs, string user)
    {
        if (DeniedPrefix is null || !hdfs.StartsWith(DeniedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        await RemoteExceptionAsync(ctx, HttpStatusCode.Forbidden, "AccessControlException", $"Permission denied: user={user}, access=WRITE, inode=\"{hdfs}\"");
        return true;
    }

    private static bool Exists(string local) => File.Exists(local) || Directory.Exists(local);

    private static object Status(string local, string suffix)
    {
        FileSystemInfo info = Directory.Exists(local) ? new DirectoryInfo(local) : new FileInfo(local);
        return new
        {
            accessTime = 0,
            blockSize = 134217728,
            group = "supergroup",
            length = info is FileInfo f ? f.Length : 0,
            modificationTime = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds(),
            owner = "proctorwise",
            pathSuffix = suffix,
            permission = info is FileInfo ? "644" : "755",
            replication = info is FileInfo ? 3 : 0,
            type = info is FileInfo ? "FILE" : "DIRECTORY",
        };
    }

    private static Task NotFoundAsync(HttpContext ctx, string hdfs) =>
        RemoteExceptionAsync(ctx, HttpStatusCode.NotFound, "FileNotFoundException", $"File does not exist: {hdfs}");

    private static Task RemoteExceptionAsync(HttpContext ctx, HttpStatusCode status, string exception, string message)
    {
        ctx.Response.StatusCode = (int)status;
        var javaPackage = exception is "FileNotFoundException" or "IOException" ? "java.io" : "org.apache.hadoop.security";
        return JsonAsync(ctx, new { RemoteException = new { exception, javaClassName = $"{javaPackage}.{exception}", message } });
    }

    private static Task JsonAsync(HttpContext ctx, object value) => ctx.Response.WriteAsJsonAsync(value, s_json);
}
