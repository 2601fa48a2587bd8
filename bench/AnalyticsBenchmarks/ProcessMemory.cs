using System.Globalization;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// This process's resident memory from <c>/proc/self/status</c>: DuckDB allocates natively, outside the .NET heap,
/// so only the kernel's count sees all of it. The peak (<c>VmHWM</c>) can be reset, so one phase's peak is not
/// hidden by an earlier phase's (writing 5 to <c>/proc/self/clear_refs</c>, Linux ≥ 4.0).
/// </summary>
internal static class ProcessMemory
{
    public static bool Available => File.Exists("/proc/self/status");

    /// <summary>Current resident set, bytes (VmRSS).</summary>
    public static long Resident() => Read("/proc/self/status", "VmRSS:");

    /// <summary>Peak resident set since start or the last <see cref="ResetPeak"/>, bytes (VmHWM).</summary>
    public static long Peak() => Read("/proc/self/status", "VmHWM:");

    /// <summary>Peak resident set of another process of ours (the MariaDB server the bench started), bytes.</summary>
    public static long PeakOf(int pid) => Read($"/proc/{pid}/status", "VmHWM:");

    /// <summary>Resets another process's peak (allowed for its owner); false when refused.</summary>
    public static bool ResetPeakOf(int pid) => TryWrite($"/proc/{pid}/clear_refs");

    /// <summary>Returns the managed heap's free memory to the system, then resets the peak; false when the kernel refused.</summary>
    public static bool ResetPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return TryWrite("/proc/self/clear_refs");
    }

    private static bool TryWrite(string clearRefs)
    {
        try
        {
            File.WriteAllText(clearRefs, "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string status, string key)
    {
        if (!File.Exists(status))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var kb = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
