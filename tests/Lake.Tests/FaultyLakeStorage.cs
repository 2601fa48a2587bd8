using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake.Tests;

/// <summary>A lake storage that fails on demand, to play a crash between writing a temporary file and renaming it.</summary>
internal sealed class FaultyLakeStorage(ILakeStorage inner) : ILakeStorage
{
    /// <summary>Renames onto a destination that matches throw (after the temporary file was written).</summary>
    public Func<string, bool> FailRenameTo { get; set; } = _ => false;

    /// <summary>Deletes throw too: the process is "dead" and cannot clean up.</summary>
    public bool DeadAfterFailure { get; set; }

    public Task WriteFileAsync(string path, Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        inner.WriteFileAsync(path, content, overwrite, cancellationToken);

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<LakeEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default) => inner.GetEntryAsync(path, cancellationToken);

    public Task<IReadOnlyList<LakeEntry>> ListAsync(string directory, bool recursive = false, CancellationToken cancellationToken = default) =>
        inner.ListAsync(directory, recursive, cancellationToken);

    public Task CreateDirectoryAsync(string path, CancellationToken cancellationToken = default) => inner.CreateDirectoryAsync(path, cancellationToken);

    public Task RenameAsync(string source, string destination, bool replace = false, CancellationToken cancellationToken = default) =>
        FailRenameTo(destination)
            ? throw new IOException($"Injected: the rename onto '{destination}' failed.")
            : inner.RenameAsync(source, destination, replace, cancellationToken);

    public Task<bool> DeleteAsync(string path, bool recursive = false, CancellationToken cancellationToken = default) =>
        DeadAfterFailure ? throw new IOException("Injected: the process is gone.") : inner.DeleteAsync(path, recursive, cancellationToken);
}
