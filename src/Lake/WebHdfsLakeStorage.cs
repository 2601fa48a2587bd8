using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake;

/// <summary>
/// The lake on HDFS through the WebHDFS REST API (<c>/webhdfs/v1</c>), simple authentication (<c>user.name</c>).
/// Paths are under <see cref="LakeOptions.Root"/>. CREATE and OPEN are two steps: the namenode answers with a
/// datanode's address (a 307 redirect, or JSON with <c>noredirect=true</c>) and the bytes go to or come from that
/// datanode; redirects are never followed automatically, so a file's body never goes to the namenode. Errors come
/// back as RemoteException JSON and are mapped to <see cref="FileNotFoundException"/>,
/// <see cref="UnauthorizedAccessException"/>, <see cref="LakeFileExistsException"/> or
/// <see cref="LakeStorageException"/>; a request slower than <see cref="LakeWebHdfsOptions.Timeout"/> fails with a
/// <see cref="TimeoutException"/>. Not covered: Kerberos (SPNEGO) and delegation tokens, HA namenode fail-over (docs/lake.md).
/// </summary>
public sealed class WebHdfsLakeStorage : ILakeStorage, IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _namenode;
    private readonly string _root;
    private readonly string _user;
    private readonly TimeSpan _timeout;

    /// <summary>A client for <see cref="LakeOptions.WebHdfs"/>.</summary>
    public WebHdfsLakeStorage(IOptions<LakeOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>A client for <paramref name="options"/>; <paramref name="handler"/> replaces the default HTTP handler (tests).</summary>
    public WebHdfsLakeStorage(LakeOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = options.WebHdfs.Url ?? throw new ArgumentException("Lake:WebHdfs:Url is not set.", nameof(options));
        _namenode = new Uri(url.TrimEnd('/') + "/webhdfs/v1", UriKind.Absolute);
        _root = "/" + options.Root.Trim('/');
        _user = options.WebHdfs.User;
        _timeout = options.WebHdfs.Timeout;

        // Redirects are followed by hand: an automatic follow of CREATE's 307 would be fine for the body-less first
        // request, but the datanode step must be a PUT with the body, and OPEN must keep the timeout per step.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <inheritdoc/>
    public async Task WriteFileAsync(string path, Stream content, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        LakePaths.Check(path);
        var location = await DatanodeLocationAsync(HttpMethod.Put, path, "CREATE", $"&overwrite={(overwrite ? "true" : "false")}", cancellationToken);

        using var timeout = Deadline(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Put, location) { Content = new StreamContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await SendAsync(request, "CREATE", path, timeout, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw await ErrorAsync(response, "CREATE", path, timeout, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        LakePaths.Check(path);
        var location = await DatanodeLocationAsync(HttpMethod.Get, path, "OPEN", "", cancellationToken);

        // The timeout covers the answer's headers; the body is read at the caller's pace.
        using var timeout = Deadline(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        var response = await SendAsync(request, "OPEN", path, timeout, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ErrorAsync(response, "OPEN", path, timeout, cancellationToken);
            }
        }

        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <inheritdoc/>
    public async Task<LakeEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default)
    {
        LakePaths.Check(path, allowRoot: true);
        try
        {
            using var json = await CallAsync(HttpMethod.Get, path, "GETFILESTATUS", "", cancellationToken);
            return Entry(path, json.RootElement.GetProperty("FileStatus"), isChild: false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LakeEntry>> ListAsync(string directory, bool recursive = false, CancellationToken cancellationToken = default)
    {
        LakePaths.Check(directory, allowRoot: true, nameof(directory));
        var entries = new List<LakeEntry>();
        var pending = new Queue<string>([directory]);
        while (pending.TryDequeue(out var current))
        {
            using var json = await CallAsync(HttpMethod.Get, current, "LISTSTATUS", "", cancellationToken);
            foreach (var status in json.RootElement.GetProperty("FileStatuses").GetProperty("FileStatus").EnumerateArray())
            {
                var entry = Entry(current, status, isChild: true);
                if (entry.Path == current && current == directory && !entry.IsDirectory)
                {
                    // LISTSTATUS of a file lists the file itself: the port promises a directory.
                    throw new FileNotFoundException($"'{directory}' is a file, not a directory, in the lake.", directory);
                }

                entries.Add(entry);
                if (recursive && entry.IsDirectory)
                {
                    pending.Enqueue(entry.Path);
                }
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    /// <inheritdoc/>
    public async Task CreateDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        LakePaths.Check(path);
        using var json = await CallAsync(HttpMethod.Put, path, "MKDIRS", "", cancellationToken);
        if (!json.RootElement.GetProperty("boolean").GetBoolean())
        {
            throw new LakeStorageException($"WebHDFS MKDIRS '{path}' answered false.");
        }
    }

    /// <inheritdoc/>
    public async Task RenameAsync(string source, string destination, bool replace = false, CancellationToken cancellationToken = default)
    {
        LakePaths.Check(source, parameterName: nameof(source));
        LakePaths.Check(destination, parameterName: nameof(destination));
        var parent = LakePaths.ParentOf(destination);
        if (parent.Length > 0)
        {
            await CreateDirectoryAsync(parent, cancellationToken);
        }

        var existing = replace ? await GetEntryAsync(destination, cancellationToken) : null;
        if (existing is { IsDirectory: true })
        {
            // HDFS's rename with OVERWRITE refuses a non-empty directory: the old one steps aside first, so the
            // path is missing for a moment (docs/lake.md).
            var aside = LakePaths.Combine(parent, $"{LakePaths.TemporaryPrefix}{LakePaths.NameOf(destination)}.{Guid.NewGuid():N}.old");
            await RenameOnceAsync(destination, aside, "NONE", cancellationToken);
            await RenameOnceAsync(source, destination, "NONE", cancellationToken);
            await DeleteAsync(aside, recursive: true, cancellationToken);
            return;
        }

        // renameoptions makes the namenode use rename2, which fails with a RemoteException (FileNotFound,
        // FileAlreadyExists) instead of the old rename's bare "false", and never moves a file *into* an existing
        // directory. OVERWRITE replaces a file atomically.
        await RenameOnceAsync(source, destination, replace ? "OVERWRITE" : "NONE", cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string path, bool recursive = false, CancellationToken cancellationToken = default)
    {
        LakePaths.Check(path);
        using var json = await CallAsync(HttpMethod.Delete, path, "DELETE", $"&recursive={(recursive ? "true" : "false")}", cancellationToken);
        return json.RootElement.GetProperty("boolean").GetBoolean();
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task RenameOnceAsync(string source, string destination, string options, CancellationToken cancellationToken)
    {
        // With renameoptions the namenode answers 200 with an empty body (rename2 returns nothing).
        var query = $"&destination={Uri.EscapeDataString(HdfsPath(destination))}&renameoptions={options}";
        using var timeout = Deadline(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Put, Url(source, "RENAME", query));
        using var response = await SendAsync(request, "RENAME", source, timeout, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, "RENAME", source, timeout, cancellationToken);
        }
    }

    /// <summary>Step one of CREATE and OPEN: the namenode names the datanode (307 Location, or JSON with noredirect).</summary>
    private async Task<Uri> DatanodeLocationAsync(HttpMethod method, string path, string op, string query, CancellationToken cancellationToken)
    {
        using var timeout = Deadline(cancellationToken);
        using var request = new HttpRequestMessage(method, Url(path, op, query + "&noredirect=true"));
        using var response = await SendAsync(request, op, path, timeout, cancellationToken);
        if (response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
        {
            // A namenode older than Hadoop 2.8 ignores noredirect and redirects.
            return response.Headers.Location is { } redirect
                ? new Uri(request.RequestUri!, redirect)
                : throw new LakeStorageException($"WebHDFS {op} '{path}': the namenode redirected without a Location.", response.StatusCode);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await ErrorAsync(response, op, path, timeout, cancellationToken);
        }

        using var json = await ReadJsonAsync(response, op, path, timeout, cancellationToken);
        return json.RootElement.TryGetProperty("Location", out var location) && location.GetString() is { } text
            ? new Uri(text, UriKind.Absolute)
            : throw new LakeStorageException($"WebHDFS {op} '{path}': the namenode's answer has no Location.", response.StatusCode);
    }

    private async Task<JsonDocument> CallAsync(HttpMethod method, string path, string op, string query, CancellationToken cancellationToken)
    {
        using var timeout = Deadline(cancellationToken);
        using var request = new HttpRequestMessage(method, Url(path, op, query));
        using var response = await SendAsync(request, op, path, timeout, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, op, path, timeout, cancellationToken);
        }

        return await ReadJsonAsync(response, op, path, timeout, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string op, string path, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(op, path, e);
        }
        catch (HttpRequestException e)
        {
            throw new LakeStorageException($"WebHDFS {op} '{path}' failed to reach {request.RequestUri!.GetLeftPart(UriPartial.Authority)}: {e.Message}", inner: e);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string op, string path, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(op, path, e);
        }
        catch (JsonException e)
        {
            throw new LakeStorageException($"WebHDFS {op} '{path}' answered {(int)response.StatusCode} with a body that is not JSON.", response.StatusCode, inner: e);
        }
    }

    /// <summary>Turns an error answer into the exception its RemoteException names (Hadoop's ExceptionHandler JSON).</summary>
    private static async Task<Exception> ErrorAsync(HttpResponseMessage response, string op, string path, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(op, path, e);
        }

        var (name, message) = RemoteException(body);
        var status = (int)response.StatusCode;
        var text = name is null
            ? $"WebHDFS {op} '{path}' failed with HTTP {status}: {Snippet(body)}"
            : $"WebHDFS {op} '{path}' failed with {name}: {message}";
        return name switch
        {
            "FileNotFoundException" => new FileNotFoundException(text, path),
            "AccessControlException" or "SecurityException" or "AuthorizationException" => new UnauthorizedAccessException(text),
            "FileAlreadyExistsException" => new LakeFileExistsException(path, text),
            "PathIsNotEmptyDirectoryException" => new IOException(text),
            _ => new LakeStorageException(text, response.StatusCode, name),
        };
    }

    private static (string? Name, string? Message) RemoteException(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return (null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("RemoteException", out var remote)
                && remote.TryGetProperty("exception", out var exception))
            {
                return (exception.GetString(), remote.TryGetProperty("message", out var message) ? message.GetString() : null);
            }
        }
        catch (JsonException)
        {
            // Not Hadoop's JSON (a proxy's page): the caller reports the status and the start of the body instead.
            return (null, null);
        }

        return (null, null);
    }

    private static string Snippet(string body)
    {
        var text = body.Trim();
        return text.Length == 0 ? "(no body)" : text.Length <= 200 ? text : text[..200] + "…";
    }

    private static TimeoutException TimedOut(string op, string path, Exception inner) =>
        new($"WebHDFS {op} '{path}' got no answer in time (Lake:WebHdfs:Timeout).", inner);

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(_timeout);
        return source;
    }

    private Uri Url(string path, string op, string query)
    {
        var builder = new StringBuilder(_namenode.AbsoluteUri);
        foreach (var segment in HdfsPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append('/').Append(Uri.EscapeDataString(segment));
        }

        if (path.Length == 0 && _root == "/")
        {
            builder.Append('/');
        }

        builder.Append("?op=").Append(op).Append("&user.name=").Append(Uri.EscapeDataString(_user)).Append(query);
        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    private string HdfsPath(string path) => path.Length == 0 ? _root : (_root == "/" ? "/" : _root + "/") + path;

    private static LakeEntry Entry(string path, JsonElement status, bool isChild)
    {
        var suffix = status.GetProperty("pathSuffix").GetString() ?? "";
        var entryPath = isChild && suffix.Length > 0 ? LakePaths.Combine(path, suffix) : path;
        var isDirectory = status.GetProperty("type").GetString() == "DIRECTORY";
        var length = status.TryGetProperty("length", out var l) ? l.GetInt64() : 0;
        var modified = status.TryGetProperty("modificationTime", out var m) ? DateTimeOffset.FromUnixTimeMilliseconds(m.GetInt64()) : DateTimeOffset.UnixEpoch;
        return new LakeEntry(entryPath, isDirectory, isDirectory ? 0 : length, modified);
    }

    /// <summary>The datanode's body; disposing it releases the HTTP response.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
