using System.Globalization;
using System.Runtime.InteropServices;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>What the numbers were measured on, and how busy the machine was (other builds share it).</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = FirstValue("/proc/meminfo", "MemTotal") is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{long.Parse(total.Split(' ')[0], CultureInfo.InvariantCulture) / (1024.0 * 1024):F1} GiB")
            : "?";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory}, {os ?? RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? FirstValue(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
