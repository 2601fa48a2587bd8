namespace ProctorWise.Grains.Ports;

/// <summary>A file or directory of the lake.</summary>
/// <param name="Path">Its path, relative to the lake's root, '/'-separated.</param>
/// <param name="IsDirectory">A directory rather than a file.</param>
/// <param name="Length">Its size in bytes (0 for a directory).</param>
/// <param name="ModifiedAt">When it was last modified (UTC).</param>
public sealed record class LakeEntry(string Path, bool IsDirectory, long Length, DateTimeOffset ModifiedAt)
{
    /// <summary>The last segment of <see cref="Path"/>.</summary>
    public string Name => LakePaths.NameOf(Path);
}
