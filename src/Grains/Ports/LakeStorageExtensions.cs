namespace ProctorWise.Grains.Ports;

/// <summary>Publication on top of the <see cref="ILakeStorage"/> primitives.</summary>
public static class LakeStorageExtensions
{
    /// <summary>
    /// Makes a whole file appear at <paramref name="path"/>: writes it durably under a hidden temporary name beside
    /// it, then renames it into place. A reader sees the file complete or not at all; a crash in between leaves at
    /// most a hidden temporary file (readers skip it, docs/lake.md). If the rename fails the temporary file is
    /// deleted and the rename's error is thrown; when even the delete fails, both errors are thrown together.
    /// </summary>
    public static async Task PublishAsync(this ILakeStorage storage, string path, Stream content, bool replace = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        LakePaths.Check(path);
        var temporary = LakePaths.TemporaryFor(path);
        try
        {
            await storage.WriteFileAsync(temporary, content, overwrite: false, cancellationToken);
            await storage.RenameAsync(temporary, path, replace, cancellationToken);
        }
        catch (Exception failure)
        {
            try
            {
                // CancellationToken.None: the clean-up must run even when the caller gave up.
                await storage.DeleteAsync(temporary, recursive: false, CancellationToken.None);
            }
            catch (Exception cleanup)
            {
                throw new AggregateException($"Publishing '{path}' failed and its temporary file '{temporary}' could not be deleted.", failure, cleanup);
            }

            throw;
        }
    }
}
