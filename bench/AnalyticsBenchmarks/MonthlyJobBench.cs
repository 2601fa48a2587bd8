using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Grains.Ports;

namespace ProctorWise.AnalyticsBenchmarks;

/// <summary>Runs <c>monthly_user_performance</c> through the production engine (<see cref="DuckDbAnalyticsEngine.RunAsync"/>) and measures it.</summary>
internal static class MonthlyJobBench
{
    public static async Task<MonthlyJobResult> RunAsync(BenchOptions options, string lakeRoot, CancellationToken cancellationToken)
    {
        var temp = options.DuckDbTemp ?? Path.Combine(options.WorkDirectory, "duckdb-tmp");
        var engineOptions = new DuckDbAnalyticsOptions { MemoryLimit = options.DuckDbMemory, Threads = options.DuckDbThreads, TempDirectory = temp };
        var validation = new DuckDbAnalyticsOptionsValidator().Validate(null, engineOptions);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage);
        }

        using var engine = new DuckDbAnalyticsEngine(Options.Create(engineOptions), NullLogger<DuckDbAnalyticsEngine>.Instance);
        var baseline = ProcessMemory.Resident();
        var reset = ProcessMemory.ResetPeak();
        baseline = Math.Min(baseline, ProcessMemory.Resident());

        // A sampler as well as VmHWM: if the kernel refused the reset, the highest sample is still this phase's.
        // The spill folder is sampled too: DuckDB deletes its spill files when the run ends.
        long sampled = 0, spilled = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                sampled = Math.Max(sampled, ProcessMemory.Resident());
                spilled = Math.Max(spilled, SpillBytes(temp));
                try
                {
                    await Task.Delay(50, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var run = await engine.RunAsync(new AnalyticsRunRequest(lakeRoot, JobCatalog.MonthlyUserPerformance, options.Month), cancellationToken);
        clock.Stop();
        var peak = reset ? ProcessMemory.Peak() : 0;
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, sampled);

        return new MonthlyJobResult(run, clock.Elapsed, baseline, peak, reset, options.DuckDbMemory, spilled,
            options.DuckDbThreads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"default ({Environment.ProcessorCount} cores)",
            Digest(lakeRoot, options.Month));
    }

    private static long SpillBytes(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? MonthGenerator.Measure(folder).Bytes : 0;
        }
        catch (IOException)
        {
            // A spill file deleted while being listed.
            return 0;
        }
    }

    /// <summary>The digest of the job's written outputs, read back with DuckDB (outside the timed run).</summary>
    private static ResultDigest Digest(string lakeRoot, AnalyticsPeriod month)
    {
        string Dataset(string name) =>
            $"read_parquet('{Path.Combine(lakeRoot, "processed", JobCatalog.MonthlyUserPerformance, month.Key, name).Replace("'", "''", StringComparison.Ordinal)}/*.parquet')";
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ResultDigest.Sql(Dataset("user_profiles"), Dataset("tier_summary"), Dataset("risk_summary"),
            (value, order) => $"string_agg({value}, ' ' ORDER BY {order})");
        using var reader = command.ExecuteReader();
        return ResultDigest.From(reader);
    }
}
