using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Storage;

/// <summary>
/// Evidence as files: <c>{Path}/{sessionId}/{anomalyId}.jpg</c>, the capture time as the file's time. A frame
/// is written to a temporary name and renamed, so a reader never sees half a file and a crash leaves none.
/// </summary>
internal sealed class FileEvidenceStore(IOptions<EvidenceStoreOptions> options) : IEvidenceStore
{
    private const string Extension = ".jpg";

    private string Root => options.Value.Path;

    public async Task SaveAsync(string sessionId, string anomalyId, byte[] jpeg, DateTimeOffset capturedAt, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sessionId, anomalyId);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
            {
                await file.WriteAsync(jpeg, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.SetLastWriteTimeUtc(temporary, capturedAt.UtcDateTime);
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // A concurrent save of the same anomaly won: the first one is kept.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<Evidence?> ReadAsync(string sessionId, string anomalyId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sessionId, anomalyId);
        try
        {
            var jpeg = await File.ReadAllBytesAsync(path, cancellationToken);
            return new Evidence(jpeg, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<int> DeleteCapturedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Root))
        {
            return Task.FromResult(0);
        }

        var deleted = 0;
        foreach (var session in Directory.EnumerateDirectories(Root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var file in Directory.EnumerateFiles(session, "*" + Extension))
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime)
                {
                    File.Delete(file);
                    deleted++;
                }
            }

            if (!Directory.EnumerateFileSystemEntries(session).Any())
            {
                Directory.Delete(session);
            }
        }

        return Task.FromResult(deleted);
    }

    private string PathOf(string sessionId, string anomalyId) =>
        System.IO.Path.Combine(Root, CheckId(sessionId, nameof(sessionId)), CheckId(anomalyId, nameof(anomalyId)) + Extension);

    /// <summary>Ids are server-made (hex or base64url): anything that could climb out of the folder is refused.</summary>
    private static string CheckId(string id, string name)
    {
        if (id.Length is 0 or > 128 || id.AsSpan().ContainsAnyExcept(s_idCharacters))
        {
            throw new ArgumentException($"'{id}' is not an evidence id.", name);
        }

        return id;
    }

    private static readonly System.Buffers.SearchValues<char> s_idCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
}
