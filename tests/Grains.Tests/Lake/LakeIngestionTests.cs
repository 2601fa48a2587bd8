using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Hosting.Silo;
using ProctorWise.Hosting.Silo.Ingestion;
using ProctorWise.Lake.Kafka.Tests;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Grains.Tests.Lake;

/// <summary>
/// On memory streams the facts published by the grains land as Parquet in the raw zone: after a flush by age, and on a
/// graceful silo stop for what still waited. Each test runs its own one-silo cluster over a fresh lake folder.
/// </summary>
public sealed class LakeIngestionTests : IAsyncDisposable
{
    private readonly ShiftableClock _clock = new();
    private readonly string _lake = Path.Combine(Path.GetTempPath(), "pw-lake-" + Guid.NewGuid().ToString("N"));
    private readonly string _evidence = Path.Combine(Path.GetTempPath(), "pw-evidence-" + Guid.NewGuid().ToString("N"));
    private InProcessTestCluster? _cluster;

    [Fact]
    public async Task TheFactsOfAnExamDayLandInTheRawZoneUnderTheirNamespaceDateAndType()
    {
        var cluster = await StartAsync(flushInterval: "00:00:01");
        var given = new Scenario(cluster.Client, _clock);
        var (student, teacher, session, slot) = await given.RunningSessionAsync();
        var sessionGrain = cluster.Client.GetGrain<IExamSessionGrain>(session.Id);
        await sessionGrain.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 1));
        var submissionId = await sessionGrain.SubmitAsync(student);
        var submission = cluster.Client.GetGrain<ISubmissionGrain>(submissionId);
        await submission.GradeAsync(teacher, "essay", 3, "Fair.");
        await submission.PublishAsync(teacher);

        // What the stream delivered, as another subscriber of the same streams saw it (12 facts of this day).
        var keys = new[] { student.UserId, teacher.UserId, session.ExamId, slot.Id, session.Id, submissionId };
        var delivered = await Eventually.UntilAsync(
            async () => (await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IEventProbeGrain>(k).ReceivedAsync()))).SelectMany(r => r).ToList(),
            r => r.Select(d => d.Event.EventId).Distinct().Count() >= 12, "the exam day's facts on the streams");

        // Each fact in its partition folder; a question file is published before its events' file, so wait for both.
        var expected = delivered
            .Select(d => (Id: d.Event.EventId.ToString("D"), Folder: $"raw/{d.Namespace}/date={d.Event.OccurredAt.UtcDateTime:yyyy-MM-dd}/type={SnakeCase(d.Event.GetType().Name)}"))
            .Distinct()
            .ToList();
        var landed = await Eventually.UntilAsync(
            () => LandedAsync(),
            l => expected.All(e => l.TryGetValue(e.Id, out var folders) && folders.Contains(e.Folder)),
            "every delivered fact in a Parquet file of its namespace, date and type",
            describe: l => $"{l.Count} landed; missing {string.Join(", ", expected.Where(e => !(l.TryGetValue(e.Id, out var f) && f.Contains(e.Folder))).Select(e => e.Folder))}");

        Assert.Contains(landed.Values.SelectMany(f => f), f => f.Contains("/type=submission_published_question", StringComparison.Ordinal));
        Assert.Equal(
            ["bookings", "exams", "sessions", "submissions", "users"],
            Directory.GetDirectories(Path.Combine(_lake, "raw")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AGracefulStopLandsWhatWaitedForItsBatch()
    {
        var cluster = await StartAsync(flushInterval: "01:00:00");
        var given = new Scenario(cluster.Client, _clock);
        var users = new[] { await given.UserAsync(UserRole.Student), await given.UserAsync(UserRole.Teacher) };
        var queue = cluster.Silos[0].ServiceProvider.GetRequiredService<LakeIngestionSink>();
        await Eventually.HoldsAsync(() => queue.PendingCount == users.Length, () => $"{queue.PendingCount} facts waiting in the silo's batch");
        Assert.Empty(await LandedAsync());

        await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);

        var landed = await LandedAsync();
        Assert.Equal(users.Length, landed.Count);
        Assert.All(landed.Values, folders => Assert.StartsWith("raw/users/date=", Assert.Single(folders), StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        foreach (var folder in new[] { _lake, _evidence }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<InProcessTestCluster> StartAsync(string flushInterval)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lake:Path"] = _lake,
                ["Lake:FlushInterval"] = flushInterval,
                ["Evidence:Path"] = _evidence,
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddProctorWiseGrains(configuration);
            silo.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, _clock);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        return _cluster;
    }

    /// <summary>Event id → the partition folders (lake paths) of the published files holding it.</summary>
    private async Task<Dictionary<string, List<string>>> LandedAsync()
    {
        var landed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var raw = Path.Combine(_lake, "raw");
        if (!Directory.Exists(raw))
        {
            return landed;
        }

        foreach (var file in Directory.EnumerateFiles(raw, "*.parquet", SearchOption.AllDirectories))
        {
            var folder = Path.GetRelativePath(_lake, Path.GetDirectoryName(file)!).Replace('\\', '/');
            foreach (var id in await LakeFiles.EventIdsInFileAsync(file))
            {
                if (!landed.TryGetValue(id, out var folders))
                {
                    landed[id] = folders = [];
                }

                if (!folders.Contains(folder))
                {
                    folders.Add(folder);
                }
            }
        }

        return landed;
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
