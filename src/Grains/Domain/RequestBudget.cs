namespace ProctorWise.Grains.Domain;

/// <summary>
/// A token bucket for one session's requests of one kind: <c>burst</c> at once, refilled at
/// <c>perSecond</c> (server time). In memory only: a reactivation starts with a full bucket, which is
/// fine for a limit meant to stop a flood, not to count exactly.
/// </summary>
internal sealed class RequestBudget(DateTimeOffset now, double burst, double perSecond)
{
    /// <summary>Browser signals: a burst of 30, then 2 per second.</summary>
    public static RequestBudget ForSignals(DateTimeOffset now) => new(now, burst: 30, perSecond: 2);

    /// <summary>
    /// Answer autosaves: a burst of 20 (a student clicking through choices), then 2 per second — the web
    /// client debounces typing, so only a scripted client goes faster.
    /// </summary>
    public static RequestBudget ForAnswers(DateTimeOffset now) => new(now, burst: 20, perSecond: 2);

    private readonly double _burst = burst;
    private double _tokens = burst;
    private DateTimeOffset _at = now;

    /// <summary>Takes one request's token; false when the session sends faster than allowed.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        _tokens = Math.Min(_burst, _tokens + (Math.Max(0, (now - _at).TotalSeconds) * perSecond));
        _at = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }
}
