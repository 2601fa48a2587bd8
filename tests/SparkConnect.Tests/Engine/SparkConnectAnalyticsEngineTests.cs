using Grpc.Core;
using ProctorWise.Grains.Ports;
using ProctorWise.SparkConnect.Protocol;
using ProctorWise.SparkConnect.Testing;

namespace ProctorWise.SparkConnect.Tests.Engine;

/// <summary>
/// The Spark Connect analytics engine against the fake: one session per run with the jobs' settings, tagged operations,
/// outputs staged and swapped in, and the run's behaviour under faults (the message of the exception is what the job
/// grain records as the attempt's error, prefixed with the exception's type).
/// </summary>
public sealed class SparkConnectAnalyticsEngineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARunUsesOneTaggedSessionInUtcWritesItsOutputAndReleasesTheSession()
    {
        await using var fake = await EngineFixture.StartAsync();
        var result = await fake.Engine.RunAsync(fake.Daily, Token);

        Assert.Equal(["by_exam 1", "by_user 3", "hourly 1"], result.Datasets.Select(d => $"{d.Name} {d.Rows}"));
        var config = Assert.Single(fake.Server.Requests<ConfigRequest>("Config"));
        var settings = config.Operation.Set.Pairs.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("UTC", settings["spark.sql.session.timeZone"]);
        Assert.Equal("dynamic", settings["spark.sql.sources.partitionOverwriteMode"]);
        var executes = fake.Server.Requests<ExecutePlanRequest>("ExecutePlan");
        Assert.All(executes, e => Assert.Equal([fake.Tag], e.Tags));
        Assert.Single(executes.Select(e => e.SessionId).Distinct());
        Assert.Equal(3, executes.Count(e => e.Plan.Command?.WriteOperation is { Mode: WriteOperation.Types.SaveMode.Overwrite, Source: "parquet" }));
        Assert.Equal(config.SessionId, Assert.Single(fake.Server.Requests<ReleaseSessionRequest>("ReleaseSession")).SessionId);
        Assert.True(File.Exists(Path.Combine(fake.Root, "processed", "daily_anomaly_aggregation", "2026-12-05", "by_exam", "_SUCCESS")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(fake.Root, "processed", "daily_anomaly_aggregation"), ".*"));
    }

    [Fact]
    public async Task AnAnalysisErrorFailsTheRunWithItsErrorClassAndSqlStateAndKeepsThePreviousOutput()
    {
        await using var fake = await EngineFixture.StartAsync();
        await fake.Engine.RunAsync(fake.Daily, Token);
        var before = Directory.GetFiles(Path.Combine(fake.Root, "processed", "daily_anomaly_aggregation", "2026-12-05"), "*.parquet", SearchOption.AllDirectories);
        fake.Server.Script(new FakeFault.Fail("ExecutePlan", 0, StatusCode.Internal, "UNRESOLVED_COLUMN.WITH_SUGGESTION", SqlState: "42703"));

        var error = await Assert.ThrowsAsync<AnalyticsEngineException>(() => fake.Engine.RunAsync(fake.Daily, Token));

        Assert.Equal(("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703", true), (error.ErrorClass, error.SqlState, error.Permanent));
        Assert.IsType<SparkConnectException>(error.InnerException);
        Assert.Contains("[UNRESOLVED_COLUMN.WITH_SUGGESTION]", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Path.Combine(fake.Root, "processed", "daily_anomaly_aggregation", "2026-12-05"), "*.parquet", SearchOption.AllDirectories));
        Assert.Equal(2, fake.Server.Requests<ReleaseSessionRequest>("ReleaseSession").Count);
    }

    [Fact]
    public async Task AServerSideFailureIsClassifiedButNotPermanent()
    {
        await using var fake = await EngineFixture.StartAsync();
        fake.Server.Script(new FakeFault.Fail("ExecutePlan", 0, StatusCode.Internal, "INTERNAL_ERROR", SqlState: "XX000"));

        var error = await Assert.ThrowsAsync<AnalyticsEngineException>(() => fake.Engine.RunAsync(fake.Daily, Token));

        Assert.Equal(("INTERNAL_ERROR", "XX000", false), (error.ErrorClass, error.SqlState, error.Permanent));
    }

    [Fact]
    public async Task ARunPastTheJobTimeoutInterruptsItsOperation()
    {
        await using var fake = await EngineFixture.StartAsync(TimeSpan.FromSeconds(2));
        fake.Server.Script(new FakeFault.Slow(TimeSpan.FromMinutes(5)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fake.Engine.RunAsync(fake.Daily, Token));

        Assert.Contains("interrupted", error.Message, StringComparison.Ordinal);
        var interrupt = Assert.Single(fake.Server.Requests<InterruptRequest>("Interrupt"));
        Assert.Equal(fake.Server.Requests<ExecutePlanRequest>("ExecutePlan")[0].OperationId, interrupt.OperationId);
        Assert.False(File.Exists(Path.Combine(fake.Root, "processed", "daily_anomaly_aggregation", ".spark-session-2026-12-05")));
    }

    [Fact]
    public async Task AServerRestartDuringARunRunsTheJobAgainInANewSession()
    {
        await using var fake = await EngineFixture.StartAsync();
        // The server dies while the run's first operation runs: its stream breaks and the session is gone.
        fake.Server.Script(new FakeFault.Slow(TimeSpan.FromMinutes(5)));
        var run = fake.Engine.RunAsync(fake.Daily, Token);
        // Not "an ExecutePlan arrived": the fake records a request before it registers its operation, and a restart in
        // between would find nothing to drop, leaving the slow query to run its five minutes (seen once in CI).
        while (fake.Server.HeldOperations == 0)
        {
            await Task.Delay(5, Token);
        }

        fake.Server.Restart();
        var result = await run;

        Assert.Equal(["by_exam 1", "by_user 3", "hourly 1"], result.Datasets.Select(d => $"{d.Name} {d.Rows}"));
        Assert.Equal(2, fake.Server.Requests<ConfigRequest>("Config").Select(c => c.SessionId).Distinct().Count());
        Assert.Contains(fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute"), r => r.SessionId == fake.Server.Requests<ConfigRequest>("Config")[0].SessionId);
    }

    [Fact]
    public async Task ARunInterruptsTheOrphanOfADeadSiloByItsTag()
    {
        await using var fake = await EngineFixture.StartAsync();
        using var client = new SparkConnectClient(SparkConnectConnectionString.Parse(fake.Server.ConnectionString));
        var orphan = client.OpenSession();
        fake.Server.Script(new FakeFault.Slow(TimeSpan.FromMinutes(5)));
        var orphanRun = orphan.ExecuteAsync(new Plan { Root = new Relation { Sql = new SQL { Query = "SELECT 1 AS one" } } }, new SparkExecuteOptions { Tags = [fake.Tag] }, Token);
        // The operation registered, not merely the request recorded: an interrupt in between would find nothing.
        while (fake.Server.HeldOperations == 0)
        {
            await Task.Delay(5, Token);
        }

        // The dead silo's marker names the session its run used.
        await using (var marker = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(orphan.SessionId)))
        {
            await fake.Storage.WriteFileAsync($"processed/daily_anomaly_aggregation/.spark-session-{EngineFixture.Day.Key}", marker, cancellationToken: Token);
        }

        await fake.Engine.RunAsync(fake.Daily, Token);

        var interrupt = fake.Server.Requests<InterruptRequest>("Interrupt")[0];
        Assert.Equal(orphan.SessionId, interrupt.SessionId);
        Assert.Equal(InterruptRequest.Types.InterruptType.Tag, interrupt.InterruptType);
        Assert.Equal(fake.Tag, interrupt.OperationTag);
        var error = await Assert.ThrowsAsync<SparkConnectException>(() => orphanRun);
        Assert.Equal(SparkErrorClasses.OperationCanceled, error.ErrorClass);
    }

    [Fact]
    public async Task PagesAndInputReportsAreReadBackThroughSpark()
    {
        await using var fake = await EngineFixture.StartAsync();
        Assert.Null(await fake.Engine.ReadAsync(new AnalyticsPageRequest(fake.Root, fake.Daily.Job, EngineFixture.Day, "by_user"), Token));
        await fake.Engine.RunAsync(fake.Daily, Token);

        var page = await fake.Engine.ReadAsync(new AnalyticsPageRequest(fake.Root, fake.Daily.Job, EngineFixture.Day, "by_user", 1, 5, "user_id", Descending: true), Token);
        var report = await fake.Engine.CheckInputsAsync(fake.Daily, Token);

        Assert.NotNull(page);
        Assert.Equal(3, page.TotalRows);
        Assert.Equal(["s1", "s0"], page.Rows.Select(r => r[0]));
        Assert.Equal(1, report.Partitions.Single(p => p.EventType == "anomaly_closed" && p.Date == new DateOnly(2026, 12, 5)).Files);
        var wrong = await Assert.ThrowsAsync<InvalidAnalyticsRequestException>(() => fake.Engine.ReadAsync(new AnalyticsPageRequest(fake.Root, fake.Daily.Job, EngineFixture.Day, "by_user", SortBy: "nope"), Token));
        Assert.Equal("sortBy", wrong.ParamName);
    }
}
