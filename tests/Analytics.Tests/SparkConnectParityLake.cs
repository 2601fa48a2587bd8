using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics.SparkConnect;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;
using ProctorWise.SparkConnect.Testing;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// The golden lake run twice: by the DuckDB engine (<see cref="GoldenLake"/>) and, over a copy of its raw zone, by the
/// Spark Connect engine against the in-process fake Spark Connect server.
/// </summary>
public sealed class SparkConnectParityLake : IAsyncLifetime
{
    public GoldenLake Golden { get; } = new();

    public FakeSparkConnectServer Server { get; private set; } = null!;

    internal SparkConnectAnalyticsEngine Engine { get; private set; } = null!;

    public string SparkRoot { get; } = Path.Combine(Path.GetTempPath(), "pw-spark-lake-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, AnalyticsRunResult> Runs { get; } = [];

    public static IEnumerable<(string Job, AnalyticsPeriod Period)> Jobs =>
        [(JobCatalog.DailyAnomalyAggregation, GoldenLake.Day), (JobCatalog.WeeklyGradeAnalytics, GoldenLake.Week), (JobCatalog.MonthlyUserPerformance, GoldenLake.Month)];

    public async ValueTask InitializeAsync()
    {
        await Golden.InitializeAsync();
        Copy(Path.Combine(Golden.Root, "raw"), Path.Combine(SparkRoot, "raw"));
        Server = await FakeSparkConnectServer.StartAsync(TestContext.Current.CancellationToken);
        // Small batches: multi-batch results and their offsets are part of what parity covers.
        Server.BatchRows = 4;
        Engine = NewEngine(Server.ConnectionString, SparkRoot);
        foreach (var (job, period) in Jobs)
        {
            Runs[job] = await Engine.RunAsync(new AnalyticsRunRequest(SparkRoot, job, period), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        await Server.DisposeAsync();
        await Golden.DisposeAsync();
        Directory.Delete(SparkRoot, recursive: true);
    }

    internal static SparkConnectAnalyticsEngine NewEngine(string connectionString, string root, TimeSpan? timeout = null) => new(
        Options.Create(new SparkConnectAnalyticsOptions { ConnectionString = connectionString, JobTimeout = timeout ?? TimeSpan.FromMinutes(5) }),
        new LocalLakeStorage(root),
        NullLoggerFactory.Instance);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
