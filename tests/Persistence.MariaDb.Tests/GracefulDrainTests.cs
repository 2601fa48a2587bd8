using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.Messaging;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Ports;
using ProctorWise.Grains.Sessions;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// One silo of a running cluster stops gracefully (what SIGTERM does to the silo executable, and Kubernetes to a pod)
/// while the others go on: it leaves the membership table, its grains write what they held, and its stream queues
/// (Kafka partitions) move to the silos that remain, which keep the events flowing. MariaDB clustering and storage,
/// Kafka streams on a loopback broker, as in production.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class GracefulDrainTests(MariaDbServer server) : IAsyncLifetime
{
    private const int Partitions = 4;

    private static readonly ProctoringPolicy s_noCamera = new(WebcamRequired: false);

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
    public async Task ASiloThatStopsGracefullyLeavesWritesWhatItHeldAndHandsItsStreamQueuesToTheOthers()
    {
        using var kafka = new KafkaMockCluster();
        var prefix = $"pw{Guid.NewGuid():N}"[..14] + ".";
        foreach (var streamNamespace in StreamNamespaces.All)
        {
            kafka.CreateTopic(prefix + streamNamespace, Partitions);
        }

        var allPartitions = StreamNamespaces.All.SelectMany(n => Enumerable.Range(0, Partitions).Select(p => (prefix + n, p))).Order().ToList();
        var overrides = new Dictionary<string, string?>
        {
            // Ticks far apart: only the deactivation of the stopping silo can write the session's pending update.
            ["Sessions:TickInterval"] = "01:00:00",
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:TopicPrefix"] = prefix,
            ["Kafka:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var serviceId = MariaDbCluster.NewServiceId();
        await using var cluster = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 2, overrides: overrides);
        await Eventually.HoldsAsync(
            () => cluster.Silos.All(s => Owned(s).Count > 0) && cluster.Silos.SelectMany(Owned).Order().SequenceEqual(allPartitions),
            () => "partitions not shared by both silos: " + Describe(cluster.Silos));

        var (student, _, session, slot) = await new Scenario(cluster.Client, _clock).RunningSessionAsync(policy: s_noCamera);
        var grain = cluster.Client.GetGrain<IExamSessionGrain>(session.Id);
        await grain.SaveAnswerAsync(student, "short", AnswerValue.FromText("written just before the stop"), 1);
        await grain.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 1));
        await grain.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 2));
        await LiveViewAsync(cluster, slot.Id, session.Id, v => v.Counters.GetValueOrDefault(AnomalyType.Paste) == 2);

        // The first paste opened the anomaly (written at once); the second only merged into it (held in memory).
        var pending = await cluster.StoredStateAsync<ExamSessionState>(StateNames.ExamSession, grain.GetGrainId());
        Assert.Equal(1, Assert.Single(pending.Proctoring.Anomalies).Count);

        // The silo that hosts the session stops; the other one stays.
        var host = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain, Cancel);
        var victim = cluster.Silos.Single(s => SiloOf(s).Equals(host));
        var survivor = cluster.Silos.Single(s => s != victim);
        var victimPort = SiloOf(victim).Endpoint.Port;
        Assert.NotEmpty(Owned(victim));
        await cluster.StopSiloAsync(victim);

        // It left the membership table (a graceful stop marks itself dead; nobody had to vote it out).
        var members = await MariaDbCluster.MembershipAsync(server.ConnectionString, serviceId);
        Assert.Equal(SiloStatus.Dead, members[victimPort]);
        Assert.Equal(SiloStatus.Active, members[SiloOf(survivor).Endpoint.Port]);

        // Its grains wrote what they held: the merged anomaly is in MariaDB, read by the survivor's storage provider.
        var stored = await cluster.StoredStateAsync<ExamSessionState>(StateNames.ExamSession, grain.GetGrainId());
        Assert.Equal(2, Assert.Single(stored.Proctoring.Anomalies).Count);
        Assert.Equal(2, stored.Proctoring.Counters[AnomalyType.Paste]);

        // Its stream queues moved: the survivor reads every partition of every topic.
        await Eventually.HoldsAsync(
            () => Owned(survivor).Order().SequenceEqual(allPartitions),
            () => "after the stop: " + Describe([survivor]));

        // The session reactivates on the survivor with everything, and its events still reach the room.
        var after = await RetryAsync(() => grain.GetAsync(student));
        Assert.Equal(SessionStatus.InProgress, after.Status);
        Assert.Equal(session.Deadline, after.Deadline);
        Assert.Equal("written just before the stop", after.Answers!.Single(a => a.QuestionId == "short").Answer.Text);
        var anomaly = Assert.Single(await grain.GetAnomaliesAsync(s_admin));
        Assert.Equal((AnomalyType.Paste, 2), (anomaly.Type, anomaly.Count));
        Assert.Equal(SiloOf(survivor), await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain, Cancel));

        await grain.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Copy, null, 3));
        var live = await LiveViewAsync(cluster, slot.Id, session.Id, v => v.Counters.ContainsKey(AnomalyType.Copy));
        Assert.Equal([(AnomalyType.Copy, 1), (AnomalyType.Paste, 2)], live.Counters.Select(c => (c.Key, c.Value)).Order());
    }

    private static SiloAddress SiloOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static List<(string Topic, int Partition)> Owned(IHost silo) =>
        [.. silo.Services.GetRequiredService<IStreamQueueDiagnostics>().OwnedPartitions().Select(p => (p.Topic, p.Partition))];

    private static string Describe(IEnumerable<IHost> silos) =>
        string.Join("; ", silos.Select(s => $"{SiloOf(s)}: {Owned(s).Count} partitions"));

    /// <summary>Retries a call while the client still learns that the stopped silo's gateway is gone.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var until = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException && DateTime.UtcNow < until)
            {
                await Task.Delay(250, Cancel);
            }
        }
    }

    /// <summary>The session's entry in its room's view, once <paramref name="ready"/> holds (the room hears it through the alerts stream).</summary>
    private static async Task<SessionLiveView> LiveViewAsync(MariaDbCluster cluster, string slotId, string sessionId, Func<SessionLiveView, bool> ready)
    {
        var room = cluster.Client.GetGrain<IRoomGrain>(slotId);
        var live = await Eventually.UntilAsync(
            async () => (await RetryAsync(() => room.GetSnapshotAsync(s_admin))).Sessions.SingleOrDefault(s => s.SessionId == sessionId),
            v => v is not null && ready(v),
            $"the room shows the expected state of session {sessionId}");
        return live!;
    }
}
