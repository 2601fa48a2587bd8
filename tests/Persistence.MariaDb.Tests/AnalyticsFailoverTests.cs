using Microsoft.Extensions.Configuration;
using Orleans.Runtime.Messaging;
using ProctorWise.Grains.Interfaces.Analytics;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Lake;
using ProctorWise.Lake.Events;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// An analytics run whose silo dies mid-run (the process killed, not stopped) is noticed and run again on another silo:
/// its job grain's state, the run index and the scheduler's reminder live in MariaDB, not in the dead silo, and the
/// scheduler's tick calls every unfinished run, which activates it on a survivor. The test never calls the job grain
/// after the kill, so nothing but the schedule can bring the run back.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AnalyticsFailoverTests(MariaDbServer server) : IAsyncLifetime
{
    private const string Day = "2026-10-15";
    private static readonly Caller s_admin = new("admin", UserRole.Admin);
    private readonly ShiftableClock _clock = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = server.ConnectionString }).Build();
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], configuration, output, Cancel));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ARunWhoseSiloIsKilledMidRunIsRunAgainOnAnotherSilo()
    {
        var serviceId = MariaDbCluster.NewServiceId();
        var overrides = new Dictionary<string, string?>
        {
            ["Analytics:Jobs:CheckInterval"] = "00:00:02",
            ["Analytics:Jobs:RetryDelay"] = "00:00:01",
            ["Analytics:Jobs:MaxRetryDelay"] = "00:00:02",
        };
        var settings = Enumerable.Range(0, 2).Select(_ => MariaDbCluster.Settings(server.ConnectionString, serviceId, overrides)).ToList();

        // A day heavy enough that its run lasts a few seconds: the kill lands while it runs.
        var lake = new ParquetEventWriter(new LocalLakeStorage(settings[0]["Lake:Path"]!));
        var at = new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero);
        for (var batch = 0; batch < 4; batch++)
        {
            await lake.WriteAsync([.. Enumerable.Range(0, 100_000).Select(i => Anomaly($"exam-{i % 500}", $"student-{i % 5000}", at.AddSeconds(((batch * 100_000) + i) % 86_000)))], Cancel);
        }

        var silos = settings.Select(SiloProcess.Start).ToList();
        try
        {
            await Eventually.UntilAsync(
                () => MariaDbCluster.MembershipAsync(server.ConnectionString, serviceId),
                members => members.Values.Count(s => s == SiloStatus.Active) >= silos.Count,
                "both silos join", TimeSpan.FromSeconds(60),
                members => string.Join(", ", members.Select(m => $"{m.Key}: {m.Value}")) + string.Concat(silos.Select(s => Environment.NewLine + s.Output)));
            await using var cluster = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 0, overrides);
            var key = AnalyticsRunView.KeyOf("daily_anomaly_aggregation", Day);
            var job = cluster.Client.GetGrain<IAnalyticsJobGrain>(key);
            await job.StartAsync(AnalyticsRunTrigger.Manual, []);
            await Eventually.UntilAsync(job.GetAsync, run => run!.Status != AnalyticsRunStatus.Pending, "the first attempt begins", TimeSpan.FromSeconds(30), run => $"{run}");
            var first = (await job.GetAsync())!;
            Assert.True(first.Status == AnalyticsRunStatus.Running, $"the run finished before the kill: {first}");

            var host = Assert.IsType<SiloAddress>(await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(job, Cancel));
            var victim = silos.Single(s => s.SiloPort == host.Endpoint.Port);
            await victim.KillAsync();

            // Only the run index is read from here on (through whichever silo now holds it).
            var index = cluster.Client.GetGrain<IAnalyticsRunIndexGrain>(SingletonKeys.Default);
            var revived = await Eventually.UntilAsync(
                async () => await ListedAsync(index, key),
                run => run is { Status: AnalyticsRunStatus.Succeeded or AnalyticsRunStatus.Failed },
                "the killed run is run again to the end", TimeSpan.FromSeconds(120), run => $"{run}");

            Assert.Equal(AnalyticsRunStatus.Succeeded, revived!.Status);
            Assert.Equal(2, revived.Attempts);
            Assert.Equal(500, revived.Datasets.Single(d => d.Name == "by_exam").Rows);
            var now = Assert.IsType<SiloAddress>(await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(job, Cancel));
            Assert.NotEqual(victim.SiloPort, now.Endpoint.Port);
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    private static async Task<AnalyticsRunView?> ListedAsync(IAnalyticsRunIndexGrain index, string key)
    {
        try
        {
            var page = await index.ListAsync(s_admin, new PageRequest(1, 200)).WaitAsync(TimeSpan.FromSeconds(5), Cancel);
            return page.Items.SingleOrDefault(r => AnalyticsRunView.KeyOf(r.Job, r.Period) == key);
        }
        catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException or ConnectionFailedException)
        {
            // The index was on the killed silo and membership has not declared it dead yet: ask again.
            return null;
        }
    }

    private static AnomalyClosed Anomaly(string exam, string student, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), at, "anomaly-" + Guid.NewGuid().ToString("N"), "session", "slot", exam, student, "teacher",
            AnomalyType.NoFace, Severity.High, null, at, at.AddSeconds(10), 10, 1, "no face for 10 s");
}
