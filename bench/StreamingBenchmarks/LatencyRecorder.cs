using System.Collections.Concurrent;
using System.Diagnostics;

namespace ProctorWise.StreamingBenchmarks;

/// <summary>Collects end-to-end latencies of one run and tells when every event arrived.</summary>
public sealed class LatencyRecorder(int expected)
{
    private readonly ConcurrentQueue<long> _latencies = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>The recorder of the run in progress (the subscriber grain reports here; silo and harness share the process).</summary>
    public static LatencyRecorder? Current { get; set; }

    /// <summary>Completes when <c>expected</c> events arrived.</summary>
    public Task Done => _done.Task;

    /// <summary>Stopwatch timestamp of the last arrival.</summary>
    public long LastArrival { get; private set; }

    public void Record(long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        _latencies.Enqueue(now - sentAt);
        if (Interlocked.Increment(ref _count) == expected)
        {
            LastArrival = now;
            _done.TrySetResult();
        }
    }

    /// <summary>The <paramref name="quantile"/> latency in milliseconds.</summary>
    public double Percentile(double quantile)
    {
        var sorted = _latencies.Order().ToArray();
        var index = (int)Math.Clamp(Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
