using Grpc.Core;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.SparkConnect.Protocol;
using ProctorWise.SparkConnect.Testing;
using ProctorWise.TestSupport.Web;
using ProctorWise.WebApi.Tests.Infrastructure;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>What the jobs API shows of a run that Spark failed: the job grain records Spark's error class and SQLSTATE.</summary>
[Collection(SparkAnalyticsCollection.Name)]
public sealed class SparkAnalyticsJobTests(SparkAnalyticsApiFactory factory)
{
    [Fact]
    public async Task AnAnalysisErrorFailsTheRunAtOnceWithSparksErrorClassAndSqlState()
    {
        const string Day = "2026-03-02";
        var admin = await factory.AdminAsync();
        // The lake's raw zone must exist, or the pre-check fails the run before Spark is asked anything.
        var at = DateTimeOffset.Parse(Day + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await factory.WriteAsync(new SessionStarted(Guid.CreateVersion7(), at, "spark-fault-session", "booking", "slot", "exam", "student", "teacher", at, at.AddHours(1), 5));
        var executesBefore = factory.Spark.Requests<ExecutePlanRequest>("ExecutePlan").Count;
        factory.Spark.Script(new FakeFault.Fail("ExecutePlan", 0, StatusCode.Internal, "UNRESOLVED_COLUMN.WITH_SUGGESTION", SqlState: "42703"));

        await Expect.Status(System.Net.HttpStatusCode.Accepted, await admin.PostAsync("/api/analytics/jobs/daily_anomaly_aggregation/runs", new { period = Day }));
        var run = await AnalyticsJobApiTests.RunAsync(admin, "daily_anomaly_aggregation", Day);

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(1, run.GetProperty("attempts").GetInt32());
        Assert.Equal("UNRESOLVED_COLUMN.WITH_SUGGESTION", run.GetProperty("errorClass").GetString());
        Assert.Equal("42703", run.GetProperty("sqlState").GetString());
        Assert.Contains("[UNRESOLVED_COLUMN.WITH_SUGGESTION]", run.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(factory.Spark.Requests<ExecutePlanRequest>("ExecutePlan").Count > executesBefore, "the run reached Spark");
    }
}
