using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Analytics;
using ProctorWise.Analytics.DuckDb;
using ProctorWise.Analytics.SparkConnect;
using ProctorWise.Grains.Ports;
using ProctorWise.Lake;
using ProctorWise.SparkConnect;
using ProctorWise.SparkConnect.Protocol;
using ProctorWise.SparkConnect.Testing;

// The Spark Connect path (client + fake server on loopback, DuckDB behind it) next to DuckDB direct, on one machine:
// what the protocol costs, not what a Spark cluster does. Usage: [rows-for-decoding] [calls] [events-per-day]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var perDay = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
var root = Path.Combine(Path.GetTempPath(), "pw-spark-bench-" + Guid.NewGuid().ToString("N"));
await using var server = await FakeSparkConnectServer.StartAsync();
server.BatchRows = 65_536;
using var client = new SparkConnectClient(SparkConnectConnectionString.Parse(server.ConnectionString));
await using var session = client.OpenSession();
using var duck = new DuckDBConnection("Data Source=:memory:");
duck.Open();
var query = $"SELECT i AS id, 'student-' || (i % 5000) AS student, i * 0.5 AS score, i % 3 = 0 AS flagged FROM range({rows}) AS t(i)";

Console.WriteLine($"# Spark Connect benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
Console.WriteLine($"- command line: {string.Join(' ', args)}");
Console.WriteLine();
Console.WriteLine("| measure | Spark Connect (fake) | DuckDB direct | ratio |");
Console.WriteLine("|---|---|---|---|");

// 1. Arrow decoding: the same rows read to .NET values both ways (warm-up first).
await SparkRowsAsync(1000);
DuckRows(1000);
var spark = Stopwatch.StartNew();
var sparkRead = await SparkRowsAsync(rows);
spark.Stop();
var direct = Stopwatch.StartNew();
var duckRead = DuckRows(rows);
direct.Stop();
Row($"{rows:N0} rows × 4 columns to .NET values (rows/s)", sparkRead / spark.Elapsed.TotalSeconds, duckRead / direct.Elapsed.TotalSeconds, "N0");

// 2. Per-call overhead: a one-row query, one after the other.
var perCallSpark = Stopwatch.StartNew();
for (var i = 0; i < calls; i++)
{
    using var one = await session.ExecuteAsync(new Plan { Root = new Relation { Sql = new SQL { Query = "SELECT 1 AS one" } } });
}

perCallSpark.Stop();
var perCallDuck = Stopwatch.StartNew();
for (var i = 0; i < calls; i++)
{
    using var command = duck.CreateCommand();
    command.CommandText = "SELECT 1 AS one";
    command.ExecuteScalar();
}

perCallDuck.Stop();
Row($"one-row query, {calls} in a row (ms per call)", perCallSpark.Elapsed.TotalMilliseconds / calls, perCallDuck.Elapsed.TotalMilliseconds / calls, "N3");

// 3. The monthly job on a generated month, each engine over its own copy of the raw zone.
var month = AnalyticsPeriod.Parse(PeriodKind.Monthly, "2026-11");
Generate(Path.Combine(root, "duck"), month, perDay);
Generate(Path.Combine(root, "spark"), month, perDay);
using var duckEngine = new DuckDbAnalyticsEngine(Options.Create(new DuckDbAnalyticsOptions()), NullLogger<DuckDbAnalyticsEngine>.Instance);
using var sparkEngine = new SparkConnectAnalyticsEngine(Options.Create(new SparkConnectAnalyticsOptions { ConnectionString = server.ConnectionString }),
    new LocalLakeStorage(Path.Combine(root, "spark")), NullLoggerFactory.Instance);
var duckRun = await duckEngine.RunAsync(new AnalyticsRunRequest(Path.Combine(root, "duck"), JobCatalog.MonthlyUserPerformance, month));
var sparkRun = await sparkEngine.RunAsync(new AnalyticsRunRequest(Path.Combine(root, "spark"), JobCatalog.MonthlyUserPerformance, month));
Row($"monthly_user_performance, {perDay:N0} events per input per day ({sparkRun.Datasets[0].Rows:N0} profiles) (s)", sparkRun.Elapsed.TotalSeconds, duckRun.Elapsed.TotalSeconds, "N2");
Directory.Delete(root, recursive: true);
return 0;

async Task<long> SparkRowsAsync(int count)
{
    using var result = await session.ExecuteAsync(new Plan { Root = new Relation { Sql = new SQL { Query = query.Replace($"range({rows})", $"range({count})", StringComparison.Ordinal) } } });
    long seen = 0;
    foreach (var row in result.Rows())
    {
        seen += row.Length > 0 ? 1 : 0;
    }

    return seen;
}

long DuckRows(int count)
{
    using var command = duck.CreateCommand();
    command.CommandText = query.Replace($"range({rows})", $"range({count})", StringComparison.Ordinal);
    using var reader = command.ExecuteReader();
    long seen = 0;
    var values = new object[reader.FieldCount];
    while (reader.Read())
    {
        reader.GetValues(values);
        seen++;
    }

    return seen;
}

static void Row(string name, double sparkValue, double duckValue, string format) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {sparkValue.ToString(format, CultureInfo.InvariantCulture)} | {duckValue.ToString(format, CultureInfo.InvariantCulture)} | {sparkValue / duckValue:N2} |"));

// Every input of the monthly job, one file per day, columns by their declared types (values only need plausible shapes).
static void Generate(string root, AnalyticsPeriod month, int perDay)
{
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    var job = JobCatalog.Find(JobCatalog.MonthlyUserPerformance)!;
    foreach (var input in job.Inputs.Select(i => i.Definition))
    {
        foreach (var day in month.Days)
        {
            var folder = Path.Combine(root, input.PartitionPath(day));
            Directory.CreateDirectory(folder);
            var columns = string.Join(", ", input.Columns.Select(c => $"{Value(c, day)} AS {c.Name}"));
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT {columns} FROM range({perDay}) AS t(i)) TO '{Path.Combine(folder, "part-00001.parquet")}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
    }
}

static string Value(InputColumn column, DateOnly day) => (column.Name, column.Type) switch
{
    ("event_id", _) => $"'{day:yyyyMMdd}-' || i",
    ("student_id", _) => "'s' || (i % 5000)",
    ("exam_id", _) => "'e' || (i % 40)",
    ("severity", _) => "['low', 'medium', 'high', 'critical'][1 + i % 4]",
    ("type", _) => "['no_face', 'multiple_faces', 'tab_hidden', 'object_detected'][1 + i % 4]",
    (_, ColumnType.Text) => $"'{column.Name}-' || (i % 997)",
    (_, ColumnType.Timestamp) => $"TIMESTAMPTZ '{day:yyyy-MM-dd} 00:00:00+00' + (i % 86000) * INTERVAL 1 SECOND",
    (_, ColumnType.Fractional) => "(i % 100) * 1.0",
    (_, ColumnType.Integral) => "CAST(i % 10 AS INTEGER)",
    (_, ColumnType.Logical) => "i % 2 = 0",
    _ => "NULL",
};
