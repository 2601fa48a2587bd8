using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Analytics;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Ports;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>
/// <c>GET /api/analytics/datasets/{job}/{period}/{dataset}</c> over a daily run of the host's own engine: pages, sorting,
/// CSV, and the problems for what does not exist.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsDatasetTests(AnalyticsApiFactory factory)
{
    // A day no other test writes, so by_exam holds exactly these three exams.
    private const string Day = "2026-10-05";
    private const string ByExam = $"/api/analytics/datasets/daily_anomaly_aggregation/{Day}/by_exam";
    private static readonly DateTimeOffset s_at = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);

    private async Task<ApiClient> RunDayAsync()
    {
        // Exam ids are opaque text in the lake: these three exercise CSV quoting and formula neutralising. Every test
        // writes the same three events (same ids), so whichever runs first, the later writes are redeliveries the job drops.
        await factory.WriteAsync(Fixed("plain", 1), Fixed("=1+1", 2), Fixed("a,b\"c", 3));
        var engine = factory.Services.GetRequiredService<IAnalyticsEngine>();
        var lake = factory.Services.GetRequiredService<AnalyticsLake>();
        await engine.RunAsync(new AnalyticsRunRequest(lake.Root, JobCatalog.DailyAnomalyAggregation, AnalyticsPeriod.Parse(PeriodKind.Daily, Day)),
            TestContext.Current.CancellationToken);
        return await factory.AdminAsync();
    }

    private static AnomalyClosed Fixed(string exam, int n) =>
        AnalyticsApiTests.Anomaly(exam, "u1", AnomalyType.NoFace, Severity.High, s_at) with
        {
            EventId = Guid.Parse($"0192a1b2-0000-7000-8000-00000000000{n}"),
            AnomalyId = $"dataset-test-anomaly-{n}",
        };

    [Fact]
    public async Task AdminsPageAndSortARunsRows()
    {
        var admin = await RunDayAsync();

        var page = await admin.GetAsync<JsonElement>($"{ByExam}?page=2&pageSize=1&sortBy=exam_id&direction=desc");

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal("exam_id", page.GetProperty("columns")[0].GetString());
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        // Descending: plain, a,b"c, =1+1; the second page of one row is the middle one.
        Assert.Equal("a,b\"c", Assert.Single(items)[0].GetString());
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Teacher)).GetRawAsync(ByExam));
        await Expect.Problem(HttpStatusCode.Forbidden, await (await admin.NewUserAsync(UserRole.Student)).GetRawAsync(ByExam));
    }

    [Fact]
    public async Task CsvIsRfc4180WithFormulaCellsNeutralised()
    {
        var admin = await RunDayAsync();

        var response = await admin.GetRawAsync($"{ByExam}?format=csv&sortBy=exam_id");
        await Expect.Status(HttpStatusCode.OK, response);
        var csv = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var lines = csv.Split("\r\n");
        Assert.StartsWith("exam_id,total_anomalies,critical_count,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("'=1+1,1,0,1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"a,b\"\"c\",1,0,1,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("plain,1,0,1,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",2026-10-05", lines[3], StringComparison.Ordinal);
        Assert.Equal([string.Empty], lines[4..]);
    }

    [Fact]
    public async Task APeriodWithoutOutputIsNotFound()
    {
        var admin = await factory.AdminAsync();

        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync("/api/analytics/datasets/daily_anomaly_aggregation/2020-01-01/by_exam"));
        await Expect.Problem(HttpStatusCode.NotFound, await admin.GetRawAsync("/api/analytics/datasets/monthly_user_performance/2020-01/user_profiles?format=csv"));
    }

    [Theory]
    [InlineData("/api/analytics/datasets/no_such_job/2026-10-05/by_exam", "job")]
    [InlineData("/api/analytics/datasets/daily_anomaly_aggregation/2026-10-32/by_exam", "period")]
    [InlineData("/api/analytics/datasets/weekly_grade_analytics/2026-10-05/exam_statistics", "period")]
    [InlineData("/api/analytics/datasets/daily_anomaly_aggregation/2026-10-05/no_such_dataset", "dataset")]
    [InlineData(ByExam + "?sortBy=no_such_column", "sortBy")]
    [InlineData(ByExam + "?direction=up", "direction")]
    [InlineData(ByExam + "?format=xml", "format")]
    [InlineData(ByExam + "?pageSize=0", "pageSize")]
    [InlineData(ByExam + "?page=0", "page")]
    public async Task BadInputIsABadRequestNamingTheField(string path, string field)
    {
        var admin = await RunDayAsync();

        await Expect.ValidationError(field, await admin.GetRawAsync(path));
    }
}
