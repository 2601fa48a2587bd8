namespace ProctorWise.LoadGenerator.Metrics;

/// <summary>Latency samples in milliseconds, added from many tasks at once.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];
    private readonly Lock _lock = new();

    public void Add(TimeSpan elapsed)
    {
        lock (_lock)
        {
            _values.Add(elapsed.TotalMilliseconds);
        }
    }

    public LatencySummary Summarize()
    {
        lock (_lock)
        {
            return LatencySummary.Of(_values);
        }
    }
}
