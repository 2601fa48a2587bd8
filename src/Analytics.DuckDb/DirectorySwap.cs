using System.Runtime.InteropServices;

namespace ProctorWise.Analytics.DuckDb;

/// <summary>
/// Puts a staged output folder in place of the current one. On Linux the two folders are exchanged in one
/// <c>renameat2(RENAME_EXCHANGE)</c>, so a reader sees the old output or the new, never neither; elsewhere (or on a
/// file system without it) the old folder is moved aside first, leaving a moment without output, and the new one
/// moved in. The old output is deleted only once the new one is in place.
/// </summary>
internal static partial class DirectorySwap
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <summary>Moves <paramref name="staged"/> to <paramref name="target"/>, replacing what was there.</summary>
    public static void Replace(string staged, string target, string asideName)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staged, target);
            return;
        }

        if (OperatingSystem.IsLinux() && RenameAt2(AtCurrentDirectory, staged, AtCurrentDirectory, target, RenameExchange) == 0)
        {
            // The staged path now holds the previous output.
            Directory.Delete(staged, recursive: true);
            return;
        }

        var aside = Path.Combine(Path.GetDirectoryName(target)!, asideName);
        Directory.Move(target, aside);
        Directory.Move(staged, target);
        Directory.Delete(aside, recursive: true);
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
