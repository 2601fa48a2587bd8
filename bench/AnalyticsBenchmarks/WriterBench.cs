using System.Diagnostics;
using Microsoft.Extensions.Options;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>
/// The lake writer as a stream consumer runs it: <see cref="LakeEventBatcher"/> with the default options
/// (<c>Lake:BatchSize</c> 1000, <c>Lake:FlushInterval</c> 30 s) over <see cref="LocalLakeStorage"/>, every event through
/// <c>AddAsync</c> and a final <c>FlushAsync</c>, each flush awaited until its files are durable (fsync).
/// </summary>
internal static class WriterBench
{
    public static async Task<WriterResult> RunAsync(BenchOptions options, Population population, string folder, CancellationToken cancellationToken)
    {
        // A day's sessions, in the order their events happen, generated before the clock starts.
        var day = options.Month.FirstDay;
        var sessions = Math.Max(1, (int)(options.WriterEvents / (4 + (2.0 * options.Anomalies / options.Submissions))));
        var events = new DayGenerator(population, day, sessions, (long)(sessions * (double)options.Anomalies / options.Submissions), options.Seed + 99)
            .Sessions().SelectMany(s => s.Events).Take(options.WriterEvents).ToList();

        var lakeOptions = Options.Create(new LakeOptions { Path = folder });
        var warmUp = Path.Combine(folder, "warm-up");
        using (var batcher = new LakeEventBatcher(new ParquetEventWriter(new LocalLakeStorage(warmUp)), lakeOptions, TimeProvider.System))
        {
            foreach (var e in events.Take(Math.Min(events.Count, 5 * lakeOptions.Value.BatchSize)))
            {
                await batcher.AddAsync(e, cancellationToken);
            }

            await batcher.FlushAsync(cancellationToken);
        }

        Directory.Delete(warmUp, recursive: true);
        var lake = Path.Combine(folder, "lake");
        long durable = 0, flushes = 0, files = 0;
        var clock = Stopwatch.StartNew();
        using (var batcher = new LakeEventBatcher(new ParquetEventWriter(new LocalLakeStorage(lake)), lakeOptions, TimeProvider.System))
        {
            foreach (var e in events)
            {
                Tally(await batcher.AddAsync(e, cancellationToken));
            }

            Tally(await batcher.FlushAsync(cancellationToken));
        }

        clock.Stop();
        if (durable != events.Count)
        {
            throw new InvalidOperationException($"The writer made {durable} of {events.Count} events durable.");
        }

        return new WriterResult(events.Count, clock.Elapsed, flushes, files, lakeOptions.Value.BatchSize, MonthGenerator.Measure(lake).Bytes);

        void Tally(LakeFlushResult result)
        {
            if (result.Durable.Count > 0)
            {
                durable += result.Durable.Count;
                flushes++;
                files += result.Files.Count;
            }
        }
    }
}
