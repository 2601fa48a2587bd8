using System.Diagnostics;
using System.Globalization;

namespace ProctorWise.StreamingBenchmarks;

/// <summary>Settings of one run, from the command line.</summary>
/// <param name="Events">Events per measured run.</param>
/// <param name="Streams">Concurrent streams (keys), each published sequentially.</param>
/// <param name="Partitions">Partitions of the topic.</param>
/// <param name="PollPeriod">Orleans pulling-agent poll period (GetQueueMsgsTimerPeriod).</param>
/// <param name="FetchWaitMs">Consumer <c>fetch.wait.max.ms</c> of both paths (librdkafka default 500).</param>
public sealed record Scenario(int Events, int Streams, int Partitions, TimeSpan PollPeriod, int FetchWaitMs)
{
    /// <summary>The stream namespace (and topic suffix) of the benchmark.</summary>
    public const string Namespace = "bench";

    /// <summary>About 200 bytes of filler, the size of a small alert.</summary>
    public static readonly string Payload = new('x', 200);

    public static Scenario Parse(string[] args)
    {
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Scenario(Int("--events", 20_000), Int("--streams", 64), Int("--partitions", 4), TimeSpan.FromMilliseconds(Int("--poll-ms", 100)), Int("--fetch-wait-ms", 500));
    }

    /// <summary>Prints one result line.</summary>
    public static Result Report(string name, int events, long start, LatencyRecorder recorder)
    {
        var seconds = (recorder.LastArrival - start) / (double)Stopwatch.Frequency;
        var result = new Result(name, events / seconds, recorder.Percentile(0.50), recorder.Percentile(0.99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {result.EventsPerSecond,10:F0} events/s   p50 {result.P50,8:F1} ms   p99 {result.P99,8:F1} ms"));
        return result;
    }
}
