namespace ProctorWise.Grains.Ports;

/// <summary>
/// The analytics lake as a file store (docs/lake.md): a local folder by default, HDFS through WebHDFS in a
/// cluster. Paths are relative to the lake's root, '/'-separated and checked by <see cref="LakePaths"/>
/// (no '..', no absolute paths, no empty segments); the empty path is the root itself. Readers never see
/// half a file: writers publish with <see cref="LakeStorageExtensions.PublishAsync"/> (write under a hidden
/// temporary name, then rename), and a rename is atomic for a file on every implementation.
/// </summary>
public interface ILakeStorage
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>, creating missing parent directories, and
    /// returns once the bytes are durable (fsync on a folder, the datanode's acknowledgement on HDFS). Not atomic on
    /// its own: publish through a temporary name to make a file appear whole.
    /// </summary>
    /// <exception cref="LakeFileExistsException">The file exists and <paramref name="overwrite"/> is false.</exception>
    Task WriteFileAsync(string path, Stream content, bool overwrite = false, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading; the caller disposes the stream.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The file or directory at <paramref name="path"/>, or null when there is none.</summary>
    Task<LakeEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entries of a directory, ordered by path: its direct children, or with <paramref name="recursive"/> every
    /// file and directory below it. Entry paths are relative to the lake's root, like the argument.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no directory at <paramref name="directory"/>.</exception>
    Task<IReadOnlyList<LakeEntry>> ListAsync(string directory, bool recursive = false, CancellationToken cancellationToken = default);

    /// <summary>Creates a directory and its missing parents; an existing directory is left as it is.</summary>
    Task CreateDirectoryAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a file or directory, creating the destination's missing parents. With <paramref name="replace"/> an
    /// existing destination is replaced: atomically for a file everywhere, and for a directory where the store allows
    /// (Linux folders, through renameat2's exchange); elsewhere (HDFS, other systems) the old directory is moved aside
    /// first, so for a moment the path does not exist (docs/lake.md).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is nothing at <paramref name="source"/>.</exception>
    /// <exception cref="LakeFileExistsException">The destination exists and <paramref name="replace"/> is false.</exception>
    Task RenameAsync(string source, string destination, bool replace = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a file, or a directory (with everything in it when <paramref name="recursive"/>; a non-empty directory
    /// otherwise fails with an <see cref="IOException"/>). Returns false when there was nothing to delete.
    /// </summary>
    Task<bool> DeleteAsync(string path, bool recursive = false, CancellationToken cancellationToken = default);
}
