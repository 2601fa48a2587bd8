using System.Diagnostics;
using System.Globalization;

namespace ProctorWise.LoadGenerator.Metrics;

/// <summary>
/// CPU used over an interval, in cores (1.0 = one core busy the whole time): of the app's process, of the
/// generator itself and of the whole machine (from /proc/stat), since the app and the generator share it.
/// </summary>
internal sealed class CpuMeter(Process? app)
{
    private readonly Process _self = Process.GetCurrentProcess();
    private long _startedAt;
    private TimeSpan _appStart;
    private TimeSpan _selfStart;
    private (long Busy, long Total)? _machineStart;

    public void Start()
    {
        _startedAt = Stopwatch.GetTimestamp();
        _appStart = ProcessorTime(app);
        _selfStart = ProcessorTime(_self);
        _machineStart = MachineTicks();
    }

    public CpuUse Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        var machine = MachineTicks();
        double? machineCores = machine is { } end && _machineStart is { } start && end.Total > start.Total
            ? (double)(end.Busy - start.Busy) / (end.Total - start.Total) * Environment.ProcessorCount
            : null;
        double? appCores = app is null ? null : (ProcessorTime(app) - _appStart) / wall;
        return new CpuUse(appCores, (ProcessorTime(_self) - _selfStart) / wall, machineCores);
    }

    private static TimeSpan ProcessorTime(Process? process)
    {
        if (process is null)
        {
            return TimeSpan.Zero;
        }

        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Busy and total jiffies of all cores; busy is everything but idle and iowait.</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Take(8).Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
