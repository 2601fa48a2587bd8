using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics;
using ProctorWise.Analytics.SparkConnect;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;
using ProctorWise.SparkConnect.Testing;

namespace ProctorWise.SparkConnect.Tests.Engine;

/// <summary>A fake server, a one-day lake (three anomalies on 2026-12-05) and the engine over both, for one test.</summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    public static readonly AnalyticsPeriod Day = AnalyticsPeriod.Parse(PeriodKind.Daily, "2026-12-05");

    private EngineFixture(FakeSparkConnectServer server, string root, TimeSpan timeout)
    {
        Server = server;
        Root = root;
        Storage = new LocalLakeStorage(root);
        Engine = new SparkConnectAnalyticsEngine(
            Options.Create(new SparkConnectAnalyticsOptions { ConnectionString = server.ConnectionString, JobTimeout = timeout }),
            Storage, NullLoggerFactory.Instance, new SparkConnectClientOptions { Delay = (_, _) => Task.CompletedTask });
    }

    public FakeSparkConnectServer Server { get; }

    public string Root { get; }

    public LocalLakeStorage Storage { get; }

    public SparkConnectAnalyticsEngine Engine { get; }

    public AnalyticsRunRequest Daily => new(Root, JobCatalog.DailyAnomalyAggregation, Day);

    public string Tag => $"proctorwise:{JobCatalog.DailyAnomalyAggregation}:{Day.Key}";

    public static async Task<EngineFixture> StartAsync(TimeSpan? timeout = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "pw-spark-engine-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "raw", "sessions", "date=2026-12-05", "type=anomaly_closed");
        Directory.CreateDirectory(folder);
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                COPY (SELECT 'ev' || i AS event_id, TIMESTAMPTZ '2026-12-05 10:00:00+00' + i * INTERVAL 1 MINUTE AS occurred_at, 'a' || i AS anomaly_id,
                             'x' AS session_id, 'slot' AS slot_id, 'e1' AS exam_id, 's' || i AS student_id, 't1' AS teacher_id, 'no_face' AS type,
                             'high' AS severity, 0.5 AS confidence, TIMESTAMPTZ '2026-12-05 09:00:00+00' AS started_at,
                             TIMESTAMPTZ '2026-12-05 09:01:00+00' AS ended_at, 60.0 AS duration_seconds, 1 AS occurrences, 'why' AS reason
                      FROM range(3) AS t(i))
                TO '{Path.Combine(folder, "part-00001.parquet")}' (FORMAT parquet)
                """;
            command.ExecuteNonQuery();
        }

        var server = await FakeSparkConnectServer.StartAsync(TestContext.Current.CancellationToken);
        return new EngineFixture(server, root, timeout ?? TimeSpan.FromMinutes(5));
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
