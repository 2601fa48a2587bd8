namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>The lake writer's sustained rate.</summary>
internal sealed record WriterResult(long Events, TimeSpan Elapsed, long Flushes, long Files, int BatchSize, long Bytes)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}
