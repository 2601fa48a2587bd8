using System.Globalization;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Analytics.Tests;

/// <summary>
/// Parity: every dataset of every job (the golden outputs of DailyAnomalyAggregationTests, WeeklyGradeAnalyticsTests and
/// MonthlyUserPerformanceTests) is the same through the Spark Connect engine, against the fake server, as through the
/// DuckDB engine: same columns, same rows in the same order, same .NET types and values. Fractions may differ in the
/// last bits only: the engines compute epochs differently (DuckDB's epoch, Spark's unix_micros / 1e6).
/// </summary>
public sealed class SparkConnectParityTests(SparkConnectParityLake lake) : IClassFixture<SparkConnectParityLake>
{
    public static TheoryData<string, string> Datasets()
    {
        var data = new TheoryData<string, string>();
        foreach (var job in JobCatalog.All)
        {
            foreach (var dataset in job.Datasets)
            {
                data.Add(job.Name, dataset.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task EveryDatasetIsTheSameOnBothEngines(string job, string dataset)
    {
        var period = SparkConnectParityLake.Jobs.Single(j => j.Job == job).Period;
        var duck = await lake.Golden.ReadAsync(job, period, dataset);
        var spark = await lake.Engine.ReadAsync(new AnalyticsPageRequest(lake.SparkRoot, job, period, dataset, 0, 1000), TestContext.Current.CancellationToken);

        Assert.NotNull(duck);
        Assert.NotNull(spark);
        Assert.Equal(duck.Columns, spark.Columns);
        Assert.Equal(duck.TotalRows, spark.TotalRows);
        Assert.Equal(duck.Rows.Count, spark.Rows.Count);
        for (var r = 0; r < duck.Rows.Count; r++)
        {
            for (var c = 0; c < duck.Columns.Count; c++)
            {
                var (expected, actual) = (duck.Rows[r][c], spark.Rows[r][c]);
                Assert.True(Same(expected, actual), $"{dataset} row {r + 1}, {duck.Columns[c]}: DuckDB {Show(expected)}, Spark {Show(actual)}");
            }
        }
    }

    [Fact]
    public void EveryRunReportsTheSameRowCounts()
    {
        foreach (var (job, _) in SparkConnectParityLake.Jobs)
        {
            Assert.Equal(lake.Golden.Runs[job].Datasets, lake.Runs[job].Datasets);
            Assert.Equal(lake.Golden.Runs[job].Period, lake.Runs[job].Period);
        }
    }

    [Fact]
    public async Task TheInputReportsAgree()
    {
        foreach (var (job, period) in SparkConnectParityLake.Jobs)
        {
            var duck = await lake.Golden.Engine.CheckInputsAsync(new AnalyticsRunRequest(lake.Golden.Root, job, period), TestContext.Current.CancellationToken);
            var spark = await lake.Engine.CheckInputsAsync(new AnalyticsRunRequest(lake.SparkRoot, job, period), TestContext.Current.CancellationToken);
            Assert.Equal(duck.Partitions, spark.Partitions);
        }
    }

    [Fact]
    public async Task SortedPagesAgree()
    {
        var request = new AnalyticsPageRequest("", JobCatalog.MonthlyUserPerformance, GoldenLake.Month, "user_profiles", 1, 2, "user_id", Descending: true);
        var duck = await lake.Golden.Engine.ReadAsync(request with { LakeRoot = lake.Golden.Root }, TestContext.Current.CancellationToken);
        var spark = await lake.Engine.ReadAsync(request with { LakeRoot = lake.SparkRoot }, TestContext.Current.CancellationToken);

        Assert.Equal(duck!.Rows.Select(r => r[0]), spark!.Rows.Select(r => r[0]));
        Assert.Equal(duck.TotalRows, spark.TotalRows);
    }

    // Every report of the catalogue, the platform ones included (their sum() of integers is a HUGEINT on DuckDB, which
    // the fake sends as Spark's BIGINT).
    public static TheoryData<string> Reports() => [.. ReportCatalog.All.Keys];

    /// <summary>Every report of the analytics API gives the same rows through both engines, for an exam and a student with data.</summary>
    [Theory]
    [MemberData(nameof(Reports))]
    public async Task EveryReportIsTheSameOnBothEngines(string report)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReportCatalog.ExamId] = "e1",
            [ReportCatalog.StudentId] = "s1",
            [ReportCatalog.PassMark] = "60",
            [ReportCatalog.BinSeconds] = "300",
            [ReportCatalog.DayStart] = "2026-12-05 00:00:00",
            [ReportCatalog.DayEnd] = "2026-12-06 00:00:00",
            [ReportCatalog.TrendStart] = "2026-11-06 00:00:00",
            [ReportCatalog.RecentAnomalies] = "10",
        };
        var wanted = ReportCatalog.All[report].Parameters.ToDictionary(p => p, p => parameters[p], StringComparer.Ordinal);
        var duck = (await lake.Golden.Engine.QueryAsync(new AnalyticsReportRequest(lake.Golden.Root, [report], wanted), TestContext.Current.CancellationToken))[report];
        var spark = (await lake.Engine.QueryAsync(new AnalyticsReportRequest(lake.SparkRoot, [report], wanted), TestContext.Current.CancellationToken))[report];

        Assert.Equal(duck.Columns, spark.Columns);
        Assert.Equal(duck.Rows.Count, spark.Rows.Count);
        for (var r = 0; r < duck.Rows.Count; r++)
        {
            for (var c = 0; c < duck.Columns.Count; c++)
            {
                var (expected, actual) = (duck.Rows[r][c], spark.Rows[r][c]);
                Assert.True(Same(expected, actual), $"{report} row {r + 1}, {duck.Columns[c]}: DuckDB {Show(expected)}, Spark {Show(actual)}");
            }
        }
    }

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (double e, double a) => Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)),
        (string[] e, string[] a) => e.SequenceEqual(a),
        (null, _) or (_, null) => false,
        _ => expected.GetType() == actual.GetType() && Equals(expected, actual),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string[] list => "[" + string.Join(", ", list) + "]",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"{value} ({value.GetType().Name})",
    };
}
