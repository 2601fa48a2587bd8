using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake;

/// <summary>
/// The lake as a folder (<c>Lake:Path</c>). A written file is fsynced before <see cref="WriteFileAsync"/> returns, and
/// the directories a write, rename or delete changed are fsynced after it (Linux and macOS; Windows has no
/// directory fsync, NTFS journals the rename), so a published file survives a power cut.
/// </summary>
public sealed class LocalLakeStorage : ILakeStorage
{
    private readonly string _root;

    /// <summary>A lake in <see cref="LakeOptions.Path"/>.</summary>
    public LocalLakeStorage(IOptions<LakeOptions> options)
        : this(options?.Value.Path ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>A lake in the folder <paramref name="root"/> (created when missing).</summary>
    public LocalLakeStorage(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc/>
    public async Task WriteFileAsync(string path, Stream content, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var full = FullPath(LakePaths.Check(path));
        if (Directory.Exists(full))
        {
            throw new LakeFileExistsException(path, "it is a directory");
        }

        var parent = Path.GetDirectoryName(full)!;
        CreateDirectories(parent);
        try
        {
            await using var file = new FileStream(full, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await content.CopyToAsync(file, cancellationToken);

            // Flush(true) is fsync(2): the bytes are on disk before anyone renames the file into view.
            file.Flush(flushToDisk: true);
        }
        catch (IOException) when (!overwrite && File.Exists(full) && !Directory.Exists(full))
        {
            throw new LakeFileExistsException(path);
        }

        FileSystemSync.Directory(parent);
    }

    /// <inheritdoc/>
    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(LakePaths.Check(path));
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"There is no file '{path}' in the lake.", path);
        }

        return Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous));
    }

    /// <inheritdoc/>
    public Task<LakeEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(LakePaths.Check(path, allowRoot: true));
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        return Task.FromResult(info.Exists ? Entry(path, info) : null);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<LakeEntry>> ListAsync(string directory, bool recursive = false, CancellationToken cancellationToken = default)
    {
        var full = FullPath(LakePaths.Check(directory, allowRoot: true, nameof(directory)));
        if (!Directory.Exists(full))
        {
            throw new FileNotFoundException($"There is no directory '{directory}' in the lake.", directory);
        }

        var entries = new DirectoryInfo(full)
            .EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = false })
            .Select(info => Entry(RelativePath(info.FullName), info))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<LakeEntry>>(entries);
    }

    /// <inheritdoc/>
    public Task CreateDirectoryAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = FullPath(LakePaths.Check(path));
        if (File.Exists(full))
        {
            throw new LakeFileExistsException(path, "it is a file");
        }

        CreateDirectories(full);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RenameAsync(string source, string destination, bool replace = false, CancellationToken cancellationToken = default)
    {
        var from = FullPath(LakePaths.Check(source, parameterName: nameof(source)));
        var to = FullPath(LakePaths.Check(destination, parameterName: nameof(destination)));
        var isDirectory = Directory.Exists(from);
        if (!isDirectory && !File.Exists(from))
        {
            throw new FileNotFoundException($"There is nothing at '{source}' in the lake to rename.", source);
        }

        if (from == to)
        {
            return Task.CompletedTask;
        }

        var toParent = Path.GetDirectoryName(to)!;
        CreateDirectories(toParent);
        var exists = File.Exists(to) || Directory.Exists(to);
        if (exists && !replace)
        {
            throw new LakeFileExistsException(destination);
        }

        if (!isDirectory)
        {
            if (Directory.Exists(to))
            {
                throw new LakeFileExistsException(destination, "a file cannot replace a directory");
            }

            // rename(2): atomic, the old file (if any) is replaced in one step.
            File.Move(from, to, overwrite: replace);
        }
        else if (!exists)
        {
            Directory.Move(from, to);
        }
        else
        {
            ReplaceDirectory(from, to, destination);
        }

        FileSystemSync.Directory(toParent);
        FileSystemSync.Directory(Path.GetDirectoryName(from)!);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> DeleteAsync(string path, bool recursive = false, CancellationToken cancellationToken = default)
    {
        var full = FullPath(LakePaths.Check(path));
        if (File.Exists(full))
        {
            File.Delete(full);
        }
        else if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive);
        }
        else
        {
            return Task.FromResult(false);
        }

        FileSystemSync.Directory(Path.GetDirectoryName(full)!);
        return Task.FromResult(true);
    }

    private static void ReplaceDirectory(string from, string to, string destination)
    {
        if (File.Exists(to))
        {
            throw new LakeFileExistsException(destination, "a directory cannot replace a file");
        }

        // Readers of `to` see the old or the new directory, never neither: renameat2 swaps both names in one step,
        // then the old one (now at `from`) is deleted.
        if (FileSystemSync.TryExchange(from, to))
        {
            Directory.Delete(from, recursive: true);
            return;
        }

        // No atomic exchange here (not Linux, or a file system without it): the old directory steps aside under a
        // hidden name first, so the path is missing for a moment (docs/lake.md).
        var aside = Path.Combine(Path.GetDirectoryName(to)!, $"{LakePaths.TemporaryPrefix}{Path.GetFileName(to)}.{Guid.NewGuid():N}.old");
        Directory.Move(to, aside);
        Directory.Move(from, to);
        Directory.Delete(aside, recursive: true);
    }

    private static void CreateDirectories(string full)
    {
        if (Directory.Exists(full))
        {
            return;
        }

        // Each new directory's entry lives in its parent: sync the parents of what was created, top down.
        var missing = new Stack<string>();
        for (var dir = full; !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!)
        {
            missing.Push(dir);
        }

        Directory.CreateDirectory(full);
        while (missing.TryPop(out var created))
        {
            FileSystemSync.Directory(Path.GetDirectoryName(created)!);
        }
    }

    private string FullPath(string relative) =>
        relative.Length == 0 ? _root : Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));

    private string RelativePath(string full) => Path.GetRelativePath(_root, full).Replace(Path.DirectorySeparatorChar, '/');

    private static LakeEntry Entry(string path, FileSystemInfo info) =>
        new(path, info is DirectoryInfo, info is FileInfo file ? file.Length : 0, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
}
