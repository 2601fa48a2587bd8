using System.Net;
using System.Text.Json;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>
/// <c>GET /api/analytics/jobs</c> and <c>POST /api/analytics/jobs/{job}/runs</c> through the real pipeline: who may call
/// them, the problems for bad jobs and periods, and a manual run whose output the datasets route then serves.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsJobApiTests(AnalyticsApiFactory factory)
{
    private const string Runs = "/api/analytics/jobs";
    private const string DailyRuns = "/api/analytics/jobs/daily_anomaly_aggregation/runs";

    /// <summary>The run of <paramref name="job"/> <paramref name="period"/> once it finished, as the jobs route lists it.</summary>
    internal static async Task<JsonElement> RunAsync(ApiClient admin, string job, string period) => await Eventually.UntilAsync(
        async () => (await admin.GetAsync<JsonElement>($"{Runs}?pageSize=200")).GetProperty("items").EnumerateArray()
            .FirstOrDefault(r => r.GetProperty("job").GetString() == job && r.GetProperty("period").GetString() == period),
        r => r.ValueKind == JsonValueKind.Object && r.GetProperty("status").GetString() is "succeeded" or "failed",
        $"the run of {job} {period} finished", describe: r => r.ValueKind == JsonValueKind.Undefined ? "not listed" : r.ToString());

    [Fact]
    public async Task OnlyAdministratorsListAndStartRuns()
    {
        var admin = await factory.AdminAsync();
        var body = new { period = "2026-09-01" };

        foreach (var role in new[] { UserRole.Teacher, UserRole.Student, UserRole.Proctor })
        {
            var user = await admin.NewUserAsync(role);
            await Expect.Problem(HttpStatusCode.Forbidden, await user.GetRawAsync(Runs));
            await Expect.Problem(HttpStatusCode.Forbidden, await user.PostAsync(DailyRuns, body));
        }

        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().GetRawAsync(Runs));
        await Expect.Status(HttpStatusCode.Unauthorized, await factory.Anonymous().PostAsync(DailyRuns, body));
    }

    [Theory]
    [InlineData("no_such_job", "{\"period\":\"2026-09-01\"}", "job")]
    [InlineData("daily_anomaly_aggregation", "{}", "period")]
    [InlineData("daily_anomaly_aggregation", "{\"period\":\"2026-09-31\"}", "period")]
    [InlineData("daily_anomaly_aggregation", "{\"period\":\"2026-W36\"}", "period")]
    [InlineData("weekly_grade_analytics", "{\"period\":\"2026-09-01\"}", "period")]
    [InlineData("monthly_user_performance", "{\"period\":\"2999-01\"}", "period")]
    [InlineData("weekly_grade_analytics", "{\"period\":\"2026-W36\",\"chain\":true}", "period")]
    [InlineData("daily_anomaly_aggregation", "{\"period\":\"2026-09-01\",\"chain\":\"yes\"}", "chain")]
    public async Task BadJobsAndPeriodsAreProblemsNamingTheField(string job, string body, string field)
    {
        var admin = await factory.AdminAsync();

        await Expect.ValidationError(field, await admin.PostRawAsync($"/api/analytics/jobs/{job}/runs", body));
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=201", "pageSize")]
    public async Task BadPagingIsAProblemNamingTheField(string query, string field)
    {
        var admin = await factory.AdminAsync();

        await Expect.ValidationError(field, await admin.GetRawAsync(Runs + query));
    }

    [Fact]
    public async Task AManualRunsOutputIsListedAndReadableThroughTheDatasetsRoute()
    {
        const string Day = "2026-09-14";
        var at = new DateTimeOffset(2026, 9, 14, 8, 30, 0, TimeSpan.Zero);
        await factory.WriteAsync(
            AnalyticsApiTests.Anomaly("job-api-exam-1", "u1", AnomalyType.NoFace, Severity.Critical, at),
            AnalyticsApiTests.Anomaly("job-api-exam-1", "u2", AnomalyType.Paste, Severity.Low, at),
            AnalyticsApiTests.Anomaly("job-api-exam-2", "u1", AnomalyType.TabHidden, Severity.Medium, at.AddHours(2)));
        var admin = await factory.AdminAsync();

        var response = await admin.PostAsync(DailyRuns, new { period = Day });
        await Expect.Status(HttpStatusCode.Accepted, response);
        var started = await admin.ReadAsync<JsonElement>(response, HttpStatusCode.Accepted);
        Assert.Equal("manual", started.GetProperty("run").GetProperty("trigger").GetString());
        Assert.Equal(0, started.GetProperty("then").GetArrayLength());

        var run = await RunAsync(admin, "daily_anomaly_aggregation", Day);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(1, run.GetProperty("attempts").GetInt32());
        Assert.False(run.GetProperty("noInput").GetBoolean());
        Assert.True(run.GetProperty("durationSeconds").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        var rows = run.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("rows").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["by_exam"] = 2, ["by_user"] = 2, ["hourly"] = 2 }, rows);

        var byExam = await admin.GetAsync<JsonElement>($"/api/analytics/datasets/daily_anomaly_aggregation/{Day}/by_exam?sortBy=exam_id");
        var items = byExam.GetProperty("items").EnumerateArray().Select(r => (r[0].GetString(), r[1].GetInt64(), r[2].GetInt64())).ToList();
        // exam_id, total_anomalies, critical_count.
        Assert.Equal([("job-api-exam-1", 2L, 1L), ("job-api-exam-2", 1L, 0L)], items);
    }

    [Fact]
    public async Task AChainRunsTheDayThenItsWeekThenItsMonth()
    {
        var admin = await factory.AdminAsync();

        var response = await admin.PostAsync(DailyRuns, new { period = "2026-08-05", chain = true });
        var started = await admin.ReadAsync<JsonElement>(response, HttpStatusCode.Accepted);

        Assert.Equal("chain", started.GetProperty("run").GetProperty("trigger").GetString());
        Assert.Equal(["weekly_grade_analytics/2026-W32", "monthly_user_performance/2026-08"], started.GetProperty("then").EnumerateArray().Select(k => k.GetString()));
        var monthly = await RunAsync(admin, "monthly_user_performance", "2026-08");
        Assert.Equal(("succeeded", "chain"), (monthly.GetProperty("status").GetString(), monthly.GetProperty("trigger").GetString()));
        // An empty month is run and says so, rather than being skipped.
        Assert.True(monthly.GetProperty("noInput").GetBoolean() || monthly.GetProperty("inputFiles").GetInt32() > 0);
        Assert.Equal("succeeded", (await RunAsync(admin, "weekly_grade_analytics", "2026-W32")).GetProperty("status").GetString());
    }
}
