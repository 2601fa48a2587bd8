using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake.Kafka.Tests;

/// <summary>
/// A local lake whose publishing renames (temporary file → visible name) a test can hold back or fail: the temporary
/// file is written first, as in a real flush, so a failure here is a failure mid-write.
/// </summary>
internal sealed class ControlledLakeStorage(string root) : ILakeStorage
{
    private readonly LocalLakeStorage _inner = new(root);
    private TaskCompletionSource _gate = CompletedGate();
    private int _renames;

    /// <summary>Renames throw while this is set.</summary>
    public bool Fail { get; set; }

    /// <summary>Renames attempted so far.</summary>
    public int Renames => Volatile.Read(ref _renames);

    /// <summary>Renames wait until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held renames go on.</summary>
    public void Release() => _gate.TrySetResult();

    public Task WriteFileAsync(string path, Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        _inner.WriteFileAsync(path, content, overwrite, cancellationToken);

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default) => _inner.OpenReadAsync(path, cancellationToken);

    public Task<LakeEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default) => _inner.GetEntryAsync(path, cancellationToken);

    public Task<IReadOnlyList<LakeEntry>> ListAsync(string directory, bool recursive = false, CancellationToken cancellationToken = default) =>
        _inner.ListAsync(directory, recursive, cancellationToken);

    public Task CreateDirectoryAsync(string path, CancellationToken cancellationToken = default) => _inner.CreateDirectoryAsync(path, cancellationToken);

    public async Task RenameAsync(string source, string destination, bool replace = false, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _renames);
        await _gate.Task.WaitAsync(cancellationToken);
        if (Fail)
        {
            throw new IOException($"Injected: the rename onto '{destination}' failed.");
        }

        await _inner.RenameAsync(source, destination, replace, cancellationToken);
    }

    public Task<bool> DeleteAsync(string path, bool recursive = false, CancellationToken cancellationToken = default) =>
        _inner.DeleteAsync(path, recursive, cancellationToken);

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
