namespace ProctorWise.TestSupport;

/// <summary>
/// Real time plus an offset the test can move forward: timers keep running in real time while the
/// domain sees "later", so a one-minute exam ends in a second of test time.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of real time the clock is.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward (never back: grains must not see time run backwards).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
