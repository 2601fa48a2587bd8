using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// Which frames the analyzer takes: a frame is queued when the wait before a worker would take it — the frames ahead
/// of it divided among the workers, times the recent mean analysis time — is at most <see cref="MaxWait"/>, and shed
/// otherwise. A fixed queue length sheds short bursts (300 first frames at the start of an exam, a GC pause) that the
/// workers would clear well before the student's next frame; a bound on the wait absorbs them and still sheds when the
/// workers cannot keep up, since the mean grows when they are starved of CPU (their threads run at a lower priority).
/// Overdue frames (<see cref="FrameUrgency.Overdue"/>) are taken before routine ones (<see cref="FrameQueue{T}"/>), so
/// only overdue frames count as ahead of one, and they have a longer bound: when the workers fall behind, routine frames
/// are shed while overdue ones still queue. The estimate only filters; the queue's deadlines enforce the bounds.
/// </summary>
internal sealed class FrameAdmission
{
    /// <summary>The mean analysis time assumed until one was measured (BlazeFace takes ≈ 10 ms on this machine's cores).</summary>
    public static readonly TimeSpan InitialMean = TimeSpan.FromMilliseconds(20);

    // Weight of the newest analysis in the running mean: about the last twenty frames count.
    private const double Smoothing = 0.05;

    private readonly int _workers;
    private readonly int _hardCap;
    private long _meanTicks = InitialMean.Ticks;
    private int _inFlight;
    private int _overdueInFlight;

    public FrameAdmission(int workers, TimeSpan maxWait, TimeSpan overdueMaxWait, int framesPerWorkerCap = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(overdueMaxWait, maxWait);
        _workers = workers;
        MaxWait = maxWait;
        OverdueMaxWait = overdueMaxWait;
        // Whatever the mean says, frames held in memory stay bounded.
        _hardCap = workers * Math.Max(1, framesPerWorkerCap);
    }

    /// <summary>The longest expected wait a queued routine frame may have.</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>The longest expected wait a queued overdue frame may have.</summary>
    public TimeSpan OverdueMaxWait { get; }

    /// <summary>Frames being analysed or waiting.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The longest wait a frame of <paramref name="urgency"/> may have.</summary>
    public TimeSpan BoundOf(FrameUrgency urgency) => urgency == FrameUrgency.Overdue ? OverdueMaxWait : MaxWait;

    /// <summary>Overdue frames among them.</summary>
    public int OverdueInFlight => Volatile.Read(ref _overdueInFlight);

    /// <summary>The running mean of the analysis time.</summary>
    public TimeSpan MeanAnalysis => TimeSpan.FromTicks(Volatile.Read(ref _meanTicks));

    /// <summary>How long a frame admitted now would wait for a worker, with <paramref name="inFlight"/> frames ahead of it.</summary>
    public TimeSpan ExpectedWait(int inFlight) =>
        inFlight < _workers ? TimeSpan.Zero : MeanAnalysis * ((inFlight - _workers + 1) / (double)_workers);

    /// <summary>Admits a frame (counted in flight until <see cref="Completed"/>) or says it is to be shed.</summary>
    public bool TryAdmit(FrameUrgency urgency)
    {
        var overdue = urgency == FrameUrgency.Overdue;
        var bound = BoundOf(urgency);
        while (true)
        {
            var inFlight = Volatile.Read(ref _inFlight);
            var ahead = overdue ? Volatile.Read(ref _overdueInFlight) : inFlight;
            if (inFlight >= _hardCap || ExpectedWait(ahead) > bound)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inFlight, inFlight + 1, inFlight) == inFlight)
            {
                if (overdue)
                {
                    Interlocked.Increment(ref _overdueInFlight);
                }

                return true;
            }
        }
    }

    /// <summary>An admitted frame left: analysed in <paramref name="analysis"/>, or null when it never reached a worker's model.</summary>
    public void Completed(FrameUrgency urgency, TimeSpan? analysis)
    {
        Interlocked.Decrement(ref _inFlight);
        if (urgency == FrameUrgency.Overdue)
        {
            Interlocked.Decrement(ref _overdueInFlight);
        }

        if (analysis is not { } took)
        {
            return;
        }

        // Workers race on this update; losing one sample of a running mean is harmless.
        var mean = Volatile.Read(ref _meanTicks);
        Volatile.Write(ref _meanTicks, (long)((mean * (1 - Smoothing)) + (took.Ticks * Smoothing)));
    }
}
