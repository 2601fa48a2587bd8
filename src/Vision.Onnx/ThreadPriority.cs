using System.Runtime.InteropServices;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// Lowers the OS scheduling priority of the calling thread. .NET's <c>Thread.Priority</c> does nothing on
/// Linux, but there each thread is a task with its own nice value: <c>setpriority(PRIO_PROCESS, tid, n)</c>
/// changes that thread alone, and raising the nice value (lowering priority) needs no privilege.
/// </summary>
internal static partial class ThreadPriority
{
    private const int PrioProcess = 0;

    /// <summary>Sets the calling thread's nice value; false (with the reason) where that is not possible.</summary>
    public static bool TryLowerCurrentThread(int nice, out string error)
    {
        if (!OperatingSystem.IsLinux())
        {
            error = "thread nice values are only set on Linux";
            return false;
        }

        if (SetPriority(PrioProcess, GetTid(), nice) == 0)
        {
            error = string.Empty;
            return true;
        }

        error = $"setpriority failed with errno {Marshal.GetLastPInvokeError()}";
        return false;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
