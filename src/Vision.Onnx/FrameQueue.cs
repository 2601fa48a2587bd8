using System.Diagnostics;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// Frames waiting for a vision worker, in two lanes: a worker takes an overdue frame before any routine one, and each
/// lane is first come, first served. Every frame carries a deadline (its admission time plus the longest wait its
/// urgency allows); one taken after its deadline is handed back as expired, to be shed rather than analysed, so a
/// verdict never comes later than the bound says — not even when overdue frames went ahead of a routine one or the
/// expected wait at admission was too hopeful. Workers are dedicated threads, so taking blocks.
/// </summary>
internal sealed class FrameQueue<T> : IDisposable
{
    private readonly Queue<(T Item, long Deadline)> _overdue = new();
    private readonly Queue<(T Item, long Deadline)> _routine = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();
    private bool _completed;

    /// <summary>Queues a frame until <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp); false once completed.</summary>
    public bool TryAdd(T item, FrameUrgency urgency, long deadline)
    {
        lock (_lock)
        {
            if (_completed)
            {
                return false;
            }

            (urgency == FrameUrgency.Overdue ? _overdue : _routine).Enqueue((item, deadline));
        }

        _available.Release();
        return true;
    }

    /// <summary>
    /// Waits for a frame: true with the next one (overdue first) and whether its deadline has passed; false once the
    /// queue is completed and empty.
    /// </summary>
    public bool TryTake(out T item, out bool expired)
    {
        _available.Wait();
        lock (_lock)
        {
            if (_overdue.TryDequeue(out var next) || _routine.TryDequeue(out next))
            {
                (item, expired) = (next.Item, Stopwatch.GetTimestamp() > next.Deadline);
                return true;
            }
        }

        (item, expired) = (default!, false);
        return false;
    }

    /// <summary>No more frames: each of <paramref name="takers"/> threads drains what is queued, then gets false.</summary>
    public void Complete(int takers)
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
        }

        // One extra count per taker: each sees the empty queue once after the frames' own counts are used.
        _available.Release(Math.Max(1, takers));
    }

    public void Dispose() => _available.Dispose();
}
