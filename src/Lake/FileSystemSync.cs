using System.Runtime.InteropServices;

namespace ProctorWise.Lake;

/// <summary>
/// What .NET does not expose for folders: fsync of a directory (a rename or a new file is durable only once its
/// directory is) and Linux's atomic exchange of two paths (renameat2 with RENAME_EXCHANGE).
/// </summary>
internal static partial class FileSystemSync
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private const int ReadOnly = 0;

    /// <summary>Flushes a directory's entries to disk; nothing on Windows, which cannot open a directory for fsync.</summary>
    public static void Directory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = Open(path, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Could not open the directory '{path}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Could not sync the directory '{path}' (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Swaps <paramref name="from"/> and <paramref name="to"/> in one step. False when the system cannot (not Linux,
    /// an old kernel or C library, or a file system without the flag): the caller then falls back.
    /// </summary>
    public static bool TryExchange(string from, string to)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        int result;
        try
        {
            result = RenameAt2(AtCurrentDirectory, from, AtCurrentDirectory, to, RenameExchange);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library before glibc 2.28 has no renameat2 wrapper.
            return false;
        }

        if (result == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        const int NotSupported = 95, InvalidArgument = 22, NoSystemCall = 38;
        return errno is NotSupported or InvalidArgument or NoSystemCall
            ? false
            : throw new IOException($"Could not exchange '{from}' and '{to}' (errno {errno}).");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
