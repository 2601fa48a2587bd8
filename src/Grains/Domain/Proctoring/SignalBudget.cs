namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// A token bucket for one session's browser signals: <see cref="Burst"/> at once, refilled at
/// <see cref="PerSecond"/> (server time). In memory only: a reactivation starts with a full bucket.
/// </summary>
internal sealed class SignalBudget(DateTimeOffset now)
{
    /// <summary>Signals a session may send in a burst.</summary>
    public const double Burst = 30;

    /// <summary>Sustained signals per second.</summary>
    public const double PerSecond = 2;

    private double _tokens = Burst;
    private DateTimeOffset _at = now;

    /// <summary>Takes one signal's token; false when the session sends faster than allowed.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        _tokens = Math.Min(Burst, _tokens + (Math.Max(0, (now - _at).TotalSeconds) * PerSecond));
        _at = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }
}
