using Grpc.Core;
using ProctorWise.SparkConnect.Protocol;
using ProctorWise.SparkConnect.Testing;
using static ProctorWise.SparkConnect.Tests.FakeServerFixture;

namespace ProctorWise.SparkConnect.Tests;

/// <summary>
/// The reattachable execution against the fake: what the client sends (operation id, reattach options, tags,
/// last_response_id, releases, interrupts) and how it survives each scripted fault.
/// </summary>
public sealed class SparkConnectExecutionTests
{
    private const string TenRows = "SELECT i, 'row ' || i AS label FROM range(10) AS t(i)";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQueryReturnsItsRowsFromArrowBatchesAndReleasesEverything()
    {
        await using var fake = await StartAsync();
        fake.Server.BatchRows = 3;
        await using var session = fake.Client.OpenSession();
        using var result = await session.ExecuteAsync(Sql(TenRows), new SparkExecuteOptions { Tags = ["job-a", "period-b"] }, Token);

        Assert.Equal(["i", "label"], result.Columns);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i} row {i}"), result.Rows().Select(r => $"{r[0]} {r[1]}"));
        Assert.Equal(4, result.Batches.Count);
        var execute = Assert.Single(fake.Server.Requests<ExecutePlanRequest>("ExecutePlan"));
        Assert.True(Guid.TryParse(execute.OperationId, out _));
        Assert.Equal(result.OperationId, execute.OperationId);
        Assert.True(Assert.Single(execute.RequestOptions).ReattachOptions.Reattachable);
        Assert.Equal(["job-a", "period-b"], execute.Tags);
        Assert.Equal(session.SessionId, execute.SessionId);
        var releases = fake.Server.Requests<ReleaseExecuteRequest>("ReleaseExecute");
        Assert.Contains(releases, r => r.ReleaseCase == ReleaseExecuteRequest.ReleaseOneofCase.ReleaseUntil);
        Assert.Equal(ReleaseExecuteRequest.ReleaseOneofCase.ReleaseAll, releases[^1].ReleaseCase);
        Assert.All(releases, r => Assert.Equal(execute.OperationId, r.OperationId));
        Assert.Empty(fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute"));
    }

    [Fact]
    public async Task AStreamThatEndsWithoutResultCompleteIsReattachedFromTheLastResponse()
    {
        await using var fake = await StartAsync();
        fake.Server.BatchRows = 2;
        fake.Server.Script(new FakeFault.EndStream("ExecutePlan", 3), new FakeFault.EndStream("ReattachExecute", 1));
        await using var session = fake.Client.OpenSession();
        using var result = await session.ExecuteAsync(Sql(TenRows), cancellationToken: Token);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (object?)(long)i), result.Rows().Select(r => r[0]));
        var execute = Assert.Single(fake.Server.Requests<ExecutePlanRequest>("ExecutePlan"));
        var reattaches = fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute");
        Assert.Equal(2, reattaches.Count);
        Assert.All(reattaches, r => Assert.Equal(execute.OperationId, r.OperationId));
        Assert.All(reattaches, r => Assert.True(r.HasLastResponseId));
        Assert.NotEqual(reattaches[0].LastResponseId, reattaches[1].LastResponseId);
        Assert.Empty(fake.Delays);
    }

    [Fact]
    public async Task UnavailableBeforeAnyResponseReattachesWithoutALastResponseIdThenResendsThePlan()
    {
        await using var fake = await StartAsync();
        fake.Server.Script(new FakeFault.Fail("ExecutePlan", 0, StatusCode.Unavailable));
        await using var session = fake.Client.OpenSession();
        using var result = await session.ExecuteAsync(Sql(TenRows), cancellationToken: Token);

        Assert.Equal(10, result.RowCount);
        Assert.Equal(["ExecutePlan", "ReattachExecute", "ExecutePlan"], fake.Server.Calls.Select(c => c.Method).Where(m => m is "ExecutePlan" or "ReattachExecute"));
        var executes = fake.Server.Requests<ExecutePlanRequest>("ExecutePlan");
        Assert.Equal(executes[0].OperationId, executes[1].OperationId);
        Assert.False(Assert.Single(fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute")).HasLastResponseId);
        Assert.Equal(2, fake.Delays.Count);
    }

    [Fact]
    public async Task UnavailableAfterResponsesWaitsTheServersRetryInfoDelayAndReattaches()
    {
        await using var fake = await StartAsync();
        fake.Server.BatchRows = 2;
        fake.Server.Script(new FakeFault.Fail("ExecutePlan", 2, StatusCode.Unavailable, RetryDelay: TimeSpan.FromSeconds(3)));
        await using var session = fake.Client.OpenSession();
        using var result = await session.ExecuteAsync(Sql(TenRows), cancellationToken: Token);

        Assert.Equal(10, result.RowCount);
        Assert.Equal([TimeSpan.FromSeconds(3)], fake.Delays);
        Assert.True(Assert.Single(fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute")).HasLastResponseId);
    }

    [Fact]
    public async Task BackOffGrowsAndEachResponseGivesAFreshBudget()
    {
        await using var fake = await StartAsync(configure: o => o.Random = new Random(7));
        fake.Server.BatchRows = 2;
        fake.Server.Script(
            new FakeFault.Fail("ExecutePlan", 1, StatusCode.Unavailable),
            new FakeFault.Fail("ReattachExecute", 0, StatusCode.Unavailable),
            new FakeFault.Fail("ReattachExecute", 0, StatusCode.Unavailable),
            new FakeFault.Fail("ReattachExecute", 1, StatusCode.Unavailable));
        await using var session = fake.Client.OpenSession();
        using var result = await session.ExecuteAsync(Sql(TenRows), cancellationToken: Token);

        Assert.Equal(10, result.RowCount);
        var delays = fake.Delays.ToArray();
        Assert.Equal(4, delays.Length);
        // 50 ms, 200 ms, 800 ms with jitter (half to whole), then back to the first step after a response.
        Assert.InRange(delays[0].TotalMilliseconds, 25, 50);
        Assert.InRange(delays[1].TotalMilliseconds, 100, 200);
        Assert.InRange(delays[2].TotalMilliseconds, 400, 800);
        Assert.InRange(delays[3].TotalMilliseconds, 25, 50);
    }

    [Fact]
    public async Task ADisconnectedCursorIsRetried()
    {
        await using var fake = await StartAsync();
        fake.Server.BatchRows = 2;
        fake.Server.Script(new FakeFault.EndStream("ExecutePlan", 2), new FakeFault.Fail("ReattachExecute", 0, StatusCode.Internal, SparkErrorClasses.CursorDisconnected));
        await using var session = fake.Client.OpenSession();
        using var result = await session.ExecuteAsync(Sql(TenRows), cancellationToken: Token);

        Assert.Equal(10, result.RowCount);
        Assert.Equal(2, fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute").Count);
        Assert.Single(fake.Delays);
    }

    [Fact]
    public async Task AResetConnectionIsSurvived()
    {
        await using var fake = await StartAsync();
        fake.Server.BatchRows = 2;
        fake.Server.Script(new FakeFault.Reset("ExecutePlan", 2));
        await using var session = fake.Client.OpenSession();
        using var result = await session.ExecuteAsync(Sql(TenRows), cancellationToken: Token);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (object?)(long)i), result.Rows().Select(r => r[0]));
        // Whether the responses written before the reset reached the client is up to the transport; either way the
        // client reattaches to the same operation and gets every row once.
        var execute = Assert.Single(fake.Server.Requests<ExecutePlanRequest>("ExecutePlan"));
        Assert.Equal(execute.OperationId, Assert.Single(fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute")).OperationId);
    }

    [Fact]
    public async Task AConnectionThatGoesSilentIsFoundDeadByPingsAndTheExecutionReattaches()
    {
        // Silence, not a reset: no RST or FIN ever comes (a vanished node or NAT entry). Without keep-alive pings the
        // read would wait for the job's whole timeout; with them the connection is declared dead and a new one
        // reattaches to the same operation.
        await using var server = await FakeSparkConnectServer.StartAsync(Token);
        await using var proxy = SilenceableTcpProxy.Start(server.Port);
        using var client = new SparkConnectClient(
            SparkConnectConnectionString.Parse($"sc://127.0.0.1:{proxy.Port}/"),
            new SparkConnectClientOptions
            {
                KeepAlivePingDelay = TimeSpan.FromSeconds(1),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(1),
                Delay = (_, _) => Task.CompletedTask,
            });
        server.Script(new FakeFault.Slow(TimeSpan.FromSeconds(4)));
        await using var session = client.OpenSession();
        var running = session.ExecuteAsync(Sql(TenRows), cancellationToken: Token);
        while (server.HeldOperations == 0)
        {
            await Task.Delay(5, Token);
        }

        proxy.SilenceOpenConnections();
        // A bound so that a regression fails here instead of hanging the run; the pings need about 2 s.
        using var result = await running.WaitAsync(TimeSpan.FromSeconds(60), Token);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (object?)(long)i), result.Rows().Select(r => r[0]));
        Assert.True(proxy.Accepted >= 2, $"the reattach should come on a new connection; the proxy saw {proxy.Accepted}");
        var execute = Assert.Single(server.Requests<ExecutePlanRequest>("ExecutePlan"));
        Assert.Contains(server.Requests<ReattachExecuteRequest>("ReattachExecute"), r => r.OperationId == execute.OperationId && !r.HasLastResponseId);
    }

    [Fact]
    public async Task OperationNotFoundAfterResponsesFailsInsteadOfRunningTheQueryAgain()
    {
        await using var fake = await StartAsync();
        fake.Server.BatchRows = 2;
        fake.Server.Script(new FakeFault.EndStream("ExecutePlan", 2), new FakeFault.LoseOperation("ReattachExecute"));
        await using var session = fake.Client.OpenSession();
        var error = await Assert.ThrowsAsync<SparkConnectException>(() => session.ExecuteAsync(Sql(TenRows), cancellationToken: Token));

        Assert.Equal(SparkErrorClasses.OperationNotFound, error.ErrorClass);
        Assert.Single(fake.Server.Requests<ExecutePlanRequest>("ExecutePlan"));
        Assert.Equal(ReleaseExecuteRequest.ReleaseOneofCase.ReleaseAll, fake.Server.Requests<ReleaseExecuteRequest>("ReleaseExecute")[^1].ReleaseCase);
    }

    [Fact]
    public async Task StreamsEndingForEverWithoutProgressAreCapped()
    {
        await using var fake = await StartAsync(configure: o => o.MaxReattachesWithoutProgress = 3);
        fake.Server.Script([new FakeFault.EndStream("ExecutePlan", 0), .. Enumerable.Repeat(new FakeFault.EndStream("ReattachExecute", 0), 10)]);
        await using var session = fake.Client.OpenSession();
        var error = await Assert.ThrowsAsync<SparkConnectException>(() => session.ExecuteAsync(Sql(TenRows), cancellationToken: Token));

        Assert.Contains("without a response", error.Message, StringComparison.Ordinal);
        // The ExecutePlan stream and three reattaches ended empty: the fourth empty stream in a row stops it.
        Assert.Equal(3, fake.Server.Requests<ReattachExecuteRequest>("ReattachExecute").Count);
    }

    [Fact]
    public async Task AServerRestartIsAChangedSession()
    {
        await using var fake = await StartAsync();
        await using var session = fake.Client.OpenSession();
        using (await session.ExecuteAsync(Sql("SELECT 1 AS one"), cancellationToken: Token))
        {
        }

        var before = session.ServerSideSessionId;
        fake.Server.Restart();
        await Assert.ThrowsAsync<SparkSessionChangedException>(() => session.ExecuteAsync(Sql("SELECT 1 AS one"), cancellationToken: Token));

        Assert.NotNull(before);
        Assert.Equal(before, fake.Server.Requests<ExecutePlanRequest>("ExecutePlan")[^1].ClientObservedServerSideSessionId);
    }

    [Fact]
    public async Task ATimeoutInterruptsTheOperation()
    {
        await using var fake = await StartAsync();
        fake.Server.Script(new FakeFault.Slow(TimeSpan.FromMinutes(5)));
        await using var session = fake.Client.OpenSession();
        // Long enough for the ExecutePlan to reach the server on a loaded machine (300 ms was not, in CI), far below the fault's 5 min.
        await Assert.ThrowsAsync<TimeoutException>(() => session.ExecuteAsync(Sql(TenRows), new SparkExecuteOptions { Timeout = TimeSpan.FromSeconds(3) }, Token));

        var execute = Assert.Single(fake.Server.Requests<ExecutePlanRequest>("ExecutePlan"));
        var interrupt = Assert.Single(fake.Server.Requests<InterruptRequest>("Interrupt"));
        Assert.Equal(InterruptRequest.Types.InterruptType.OperationId, interrupt.InterruptType);
        Assert.Equal(execute.OperationId, interrupt.OperationId);
        Assert.Equal(ReleaseExecuteRequest.ReleaseOneofCase.ReleaseAll, fake.Server.Requests<ReleaseExecuteRequest>("ReleaseExecute")[^1].ReleaseCase);
    }

    [Fact]
    public async Task AnInterruptByTagStopsTheTaggedOperation()
    {
        await using var fake = await StartAsync();
        fake.Server.Script(new FakeFault.Slow(TimeSpan.FromMinutes(5)));
        await using var session = fake.Client.OpenSession();
        var running = session.ExecuteAsync(Sql(TenRows), new SparkExecuteOptions { Tags = ["orphan"] }, Token);
        IReadOnlyList<string> interrupted = [];
        while (interrupted.Count == 0)
        {
            // The operation exists once the server got the ExecutePlan; an interrupt before that finds nothing.
            interrupted = await session.InterruptTagAsync("orphan", Token);
        }

        var error = await Assert.ThrowsAsync<SparkConnectException>(() => running);
        Assert.Equal(SparkErrorClasses.OperationCanceled, error.ErrorClass);
        Assert.Equal(Assert.Single(fake.Server.Requests<ExecutePlanRequest>("ExecutePlan")).OperationId, Assert.Single(interrupted));
    }

    [Fact]
    public async Task AnAnalysisErrorIsTypedWithTheFullMessage()
    {
        await using var fake = await StartAsync();
        fake.Server.MaxStatusMessageLength = 30;
        await using var session = fake.Client.OpenSession();
        var error = await Assert.ThrowsAsync<SparkConnectException>(() => session.ExecuteAsync(Sql("SELECT * FROM no_such_table"), cancellationToken: Token));

        Assert.Equal("TABLE_OR_VIEW_NOT_FOUND", error.ErrorClass);
        Assert.Equal("42P01", error.SqlState);
        Assert.Equal("org.apache.spark.sql.AnalysisException", error.Details.ExceptionClass);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.Server.Requests<FetchErrorDetailsRequest>("FetchErrorDetails"));
    }

    [Fact]
    public async Task UnaryCallsAreRetriedOnUnavailable()
    {
        await using var fake = await StartAsync();
        fake.Server.Script(new FakeFault.Fail("Config", 0, StatusCode.Unavailable), new FakeFault.Fail("Config", 0, StatusCode.Unavailable));
        await using var session = fake.Client.OpenSession();
        await session.SetConfigAsync(new Dictionary<string, string> { ["spark.sql.session.timeZone"] = "UTC" }, Token);

        Assert.Equal(3, fake.Server.Requests<ConfigRequest>("Config").Count);
        Assert.Equal(2, fake.Delays.Count);
    }
}
