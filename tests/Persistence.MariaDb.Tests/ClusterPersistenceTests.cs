using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Sessions;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// The cluster on MariaDB: state and reminders survive restarts, a graceful stop writes what was pending,
/// a killed silo loses nothing that was saved and its grains move to the survivors in time, concurrent
/// writers conflict instead of overwriting, capacity holds across silos.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterPersistenceTests(MariaDbServer server) : IAsyncLifetime
{
    /// <summary>No webcam expected: these tests send no frames, and a camera timeout would add anomalies.</summary>
    private static readonly ProctoringPolicy s_noCamera = new(WebcamRequired: false);

    private static readonly Caller s_admin = new("admin", UserRole.Admin);

    private static readonly FrameAnalysis s_oneFace = new(
        320, 240, [new FaceDetection(new BoundingBox(10, 10, 50, 50), 0.9f, [], 0f)], [], CheckStatus.Ok, CheckStatus.Unavailable);

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
    public async Task ASessionInProgressSurvivesAFullRestartOfAllSilos()
    {
        var serviceId = MariaDbCluster.NewServiceId();
        Caller student;
        SessionView before;
        SlotView slot;
        await using (var first = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock))
        {
            var given = new Scenario(first.Client, _clock);
            (student, _, before, slot) = await given.RunningSessionAsync(policy: s_noCamera);
            var session = first.Client.GetGrain<IExamSessionGrain>(before.Id);
            await session.SaveAnswerAsync(student, "short", AnswerValue.FromText("hypotenuse"), 1);
            await session.SaveAnswerAsync(student, "multi", AnswerValue.FromChoices(0, 2), 2);

            // Two pastes within the merge window: one anomaly of count 2, counter 2.
            await session.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 1));
            await session.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 2));
        }

        await using var second = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock);
        var restored = second.Client.GetGrain<IExamSessionGrain>(before.Id);
        var after = await restored.GetAsync(student);
        Assert.Equal(SessionStatus.InProgress, after.Status);
        Assert.Equal(before.Deadline, after.Deadline);
        var answers = after.Answers!;
        Assert.Equal(["hypotenuse", null], answers.OrderByDescending(a => a.QuestionId).Select(a => a.Answer.Text));
        Assert.Equal([0, 2], answers.Single(a => a.QuestionId == "multi").Answer.Choices);
        var anomaly = Assert.Single(await restored.GetAnomaliesAsync(s_admin));
        Assert.Equal(AnomalyType.Paste, anomaly.Type);
        Assert.Equal(2, anomaly.Count);
        Assert.False(await restored.SaveAnswerAsync(student, "short", AnswerValue.FromText("stale"), 1));

        // The counters the restarted session shows its room are the stored ones plus what happens next.
        await restored.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Copy, null, 3));
        var live = await LiveViewAsync(second, slot.Id, before.Id, v => v.Counters.ContainsKey(AnomalyType.Copy));
        Assert.Equal([(AnomalyType.Copy, 1), (AnomalyType.Paste, 2)], live.Counters.Select(c => (c.Key, c.Value)).Order());
        Assert.Equal(before.Deadline, live.Deadline);
    }

    [Fact]
    public async Task AGracefulStopWritesThePendingAnomalyUpdateAndTheSessionKeepsItsDeadline()
    {
        // Ticks far apart: only the deactivation of a stopping silo can write the pending update.
        var noTick = new Dictionary<string, string?> { ["Sessions:TickInterval"] = "01:00:00" };
        var serviceId = MariaDbCluster.NewServiceId();
        Caller student;
        Caller teacher;
        SessionView before;
        GrainId grainId;
        await using (var first = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, overrides: noTick))
        {
            (student, teacher, before, _) = await new Scenario(first.Client, _clock).RunningSessionAsync(policy: s_noCamera);
            var session = first.Client.GetGrain<IExamSessionGrain>(before.Id);
            grainId = session.GetGrainId();
            await session.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 1));
            await session.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 2));

            // The first paste opened the anomaly (written at once); the second only merged into it (pending).
            Assert.Equal(2, Assert.Single(await session.GetAnomaliesAsync(s_admin)).Count);
            var pending = await first.StoredStateAsync<ExamSessionState>(StateNames.ExamSession, grainId);
            Assert.Equal(1, Assert.Single(pending.Proctoring.Anomalies).Count);
            Assert.Equal(1, pending.Proctoring.Counters[AnomalyType.Paste]);
        }

        // Every silo stopped gracefully (the using above); a new cluster reads what they left.
        await using var second = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, overrides: noTick);
        var stored = await second.StoredStateAsync<ExamSessionState>(StateNames.ExamSession, grainId);
        Assert.Equal(2, Assert.Single(stored.Proctoring.Anomalies).Count);
        Assert.Equal(2, stored.Proctoring.Counters[AnomalyType.Paste]);

        var restored = second.Client.GetGrain<IExamSessionGrain>(before.Id);
        var after = await restored.GetAsync(student);
        Assert.Equal(SessionStatus.InProgress, after.Status);
        Assert.Equal(before.Deadline, after.Deadline);
        var anomaly = Assert.Single(await restored.GetAnomaliesAsync(s_admin));
        Assert.Equal((AnomalyType.Paste, 2), (anomaly.Type, anomaly.Count));

        // The deadline passes: the reminder registered before the stop submits the session, at its deadline.
        _clock.Advance(before.Deadline - _clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var index = second.Client.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForStudent(student.UserId));
        var submitted = await Eventually.UntilAsync(
            () => index.ListAsync(new(1, 10)), page => page.Total > 0, "the deadline reminder submits the session after the graceful restart");

        var submission = await second.Client.GetGrain<ISubmissionGrain>(Assert.Single(submitted.Items)).GetAsync(teacher);
        Assert.Equal(SessionStatus.Expired, submission.SessionStatus);
        Assert.Equal(before.Deadline, submission.SubmittedAt);
    }

    [Fact]
    public async Task AReactivatedSessionDoesNotJudgeTheCameraFromTheSessionsStart()
    {
        // Webcam required, 15 s frame timeout (the default policy). The camera worked until the restart.
        var serviceId = MariaDbCluster.NewServiceId();
        Caller student;
        SessionView before;
        await using (var first = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 1))
        {
            (student, _, before, _) = await new Scenario(first.Client, _clock).RunningSessionAsync();
            var session = first.Client.GetGrain<IExamSessionGrain>(before.Id);
            for (var i = 0; i < 50; i++)
            {
                _clock.Advance(TimeSpan.FromSeconds(2));
                await session.BeginFrameAsync(student);
                await session.RecordFrameAsync(student, s_oneFace, [0xFF, 0xD8, 0xFF]);
            }

            Assert.Empty(await session.GetAnomaliesAsync(s_admin));
        }

        // After the restart the last frame's time is unknown: the camera gets a full timeout from the
        // reactivation, not "no frame since the start 100 s ago".
        var restartedFrom = _clock.GetUtcNow();
        await using var second = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 1);
        var restored = second.Client.GetGrain<IExamSessionGrain>(before.Id);
        Assert.Equal(SessionStatus.InProgress, (await restored.GetAsync(student)).Status);
        var reactivatedBy = _clock.GetUtcNow();

        // A camera that really stopped is still noticed, one timeout later. That webcam_stopped is the only
        // anomaly and dates from the reactivation: one judged from the session's start, whenever a tick raised
        // it, would date from then (and a second would make two).
        _clock.Advance(TimeSpan.FromSeconds(16));
        var anomalies = await Eventually.UntilAsync(
            () => restored.GetAnomaliesAsync(s_admin),
            a => a.Any(x => x.Type == AnomalyType.WebcamStopped),
            "webcam_stopped is raised a timeout after the reactivation",
            TimeSpan.FromSeconds(30));
        var stopped = Assert.Single(anomalies);
        Assert.Equal((AnomalyType.WebcamStopped, 1), (stopped.Type, stopped.Count));
        Assert.InRange(stopped.StartedAt, restartedFrom, reactivatedBy);
    }

    [Fact]
    public async Task TheDeadlineReminderSubmitsAfterARestartWithoutAnyCall()
    {
        var serviceId = MariaDbCluster.NewServiceId();
        Caller student;
        Caller teacher;
        SessionView session;
        await using (var first = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 1))
        {
            (student, teacher, session, _) = await new Scenario(first.Client, _clock).RunningSessionAsync(durationMinutes: 1);
            await first.Client.GetGrain<IExamSessionGrain>(session.Id).SaveAnswerAsync(student, "single", AnswerValue.FromChoices(1), 1);
        }

        // The silo that owned the session is gone; the deadline passes while no silo runs.
        _clock.Advance(TimeSpan.FromMinutes(2));
        await using var second = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 1);

        // Only the submission index is read: touching the session would expire it lazily and hide a missing reminder.
        var index = second.Client.GetGrain<ISubmissionIndexGrain>(SubmissionIndexKeys.ForStudent(student.UserId));
        var submitted = await Eventually.UntilAsync(
            () => index.ListAsync(new(1, 10)), page => page.Total > 0, "the reminder submits the session after the restart", TimeSpan.FromSeconds(30));

        var submission = await second.Client.GetGrain<ISubmissionGrain>(Assert.Single(submitted.Items)).GetAsync(teacher);
        Assert.Equal(SessionStatus.Expired, submission.SessionStatus);
        var results = submission.Results!;
        Assert.Equal(2m, results.Single(r => r.QuestionId == "single").Score);
    }

    [Fact]
    public async Task KillingASiloProcessLosesNoSavedAnswerAndItsGrainsMoveToTheSurvivors()
    {
        // Three silo processes on one machine, different ports, one MariaDB; the test is only a client.
        var serviceId = MariaDbCluster.NewServiceId();
        var settings = Enumerable.Range(0, 3).Select(_ => MariaDbCluster.Settings(server.ConnectionString, serviceId)).ToList();
        var silos = settings.Select(SiloProcess.Start).ToList();
        try
        {
            // The client starts once all three are active, so that it knows every gateway.
            await Eventually.UntilAsync(
                () => MariaDbCluster.MembershipAsync(server.ConnectionString, serviceId),
                members => members.Values.Count(s => s == SiloStatus.Active) >= silos.Count,
                "all three silos join",
                TimeSpan.FromSeconds(60),
                members => string.Join(", ", members.Select(m => $"{m.Key}: {m.Value}")) + string.Concat(silos.Select(s => Environment.NewLine + s.Output)));

            await using var cluster = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 0);
            var given = new Scenario(cluster.Client, _clock);
            var teacher = await RetryUntilAsync(() => given.UserAsync(UserRole.Teacher), TimeSpan.FromSeconds(60));
            var (exam, _) = await given.PublishedExamAsync(teacher, policy: s_noCamera);

            // The silo processes run on the real clock: the slot opens for real a few seconds from now
            // (the students exist first, so that a slow machine still books before the start).
            var students = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => given.UserAsync(UserRole.Student)));
            var slot = await exam.AddSlotAsync(teacher, DateTimeOffset.UtcNow.AddSeconds(4), 30);
            var bookings = await Task.WhenAll(students.Select(s => given.BookAsync(s, slot.Id)));
            await Task.Delay(slot.StartsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500), Cancel);
            var sessions = new List<(Caller Student, string SessionId, int Answer)>();
            for (var i = 0; i < students.Length; i++)
            {
                var started = await cluster.Client.GetGrain<IStudentBookingsGrain>(students[i].UserId).StartSessionAsync(students[i], bookings[i].Id);
                await cluster.Client.GetGrain<IExamSessionGrain>(started.Session.Id).SaveAnswerAsync(students[i], "short", AnswerValue.FromText($"answer {i}"), 1);
                sessions.Add((students[i], started.Session.Id, i));
            }

            // The victim is the silo that hosts the most sessions, so at least one session must move.
            var management = cluster.Client.GetGrain<IManagementGrain>(0);
            var hosts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, sessionId, _) in sessions)
            {
                var host = await management.GetActivationAddress(cluster.Client.GetGrain<IExamSessionGrain>(sessionId), Cancel);
                hosts[sessionId] = Assert.IsType<SiloAddress>(host).Endpoint.Port;
            }

            var victim = silos.MaxBy(silo => hosts.Values.Count(port => port == silo.SiloPort))!;
            var moving = sessions.Where(s => hosts[s.SessionId] == victim.SiloPort).ToList();
            Assert.NotEmpty(moving);

            // Membership must declare the victim dead, and the survivors serve its sessions, within what the
            // membership settings allow, counted from the kill. A call written to the connection of the dying
            // silo's gateway is never answered (it would fail after the client's response timeout, 30 s by
            // default), so an attempt is given up after the longest probe timeout and sent again.
            var membership = MariaDbCluster.Membership(settings[silos.IndexOf(victim)]);
            var bound = MariaDbCluster.TakeoverBound(membership);
            var since = Stopwatch.StartNew();
            await victim.KillAsync();
            var declaredDead = DeclaredDeadAsync(serviceId, victim.SiloPort, since, bound);
            var until = DateTime.UtcNow + bound;

            // The victim's sessions first, then the others; each takes a new answer. (A retried save may find
            // its given-up attempt applied and answer false: what counts is what is stored, read below.)
            foreach (var (student, sessionId, answer) in moving.Concat(sessions.Except(moving)))
            {
                var session = cluster.Client.GetGrain<IExamSessionGrain>(sessionId);
                var view = await RetryUntilAsync(() => session.GetAsync(student), until, membership.MaxProbeTimeout);
                Assert.Equal(SessionStatus.InProgress, view.Status);
                Assert.Equal($"answer {answer}", view.Answers!.Single().Answer.Text);
                await RetryUntilAsync(() => session.SaveAnswerAsync(student, "essay", AnswerValue.FromText("still here"), 2), until, membership.MaxProbeTimeout);
            }

            var served = since.Elapsed;
            var dead = await declaredDead;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{moving.Count} of {sessions.Count} sessions were on the killed silo; it was declared dead after {dead.TotalSeconds:F1} s and all were served after {served.TotalSeconds:F1} s (allowed {bound.TotalSeconds:F0} s).");
            Assert.True(dead <= bound, $"Membership declared the killed silo dead after {dead}; its settings allow {bound}.");
            Assert.True(served <= bound, $"The survivors served the killed silo's sessions after {served}; its settings allow {bound}.");
            foreach (var (student, sessionId, answer) in sessions)
            {
                var answers = (await cluster.Client.GetGrain<IExamSessionGrain>(sessionId).GetAsync(student)).Answers!;
                Assert.Equal($"answer {answer}", answers.Single(a => a.QuestionId == "short").Answer.Text);
                Assert.Equal("still here", answers.Single(a => a.QuestionId == "essay").Answer.Text);
            }

            foreach (var (_, sessionId, _) in moving)
            {
                var host = await management.GetActivationAddress(cluster.Client.GetGrain<IExamSessionGrain>(sessionId), Cancel);
                Assert.NotEqual(victim.SiloPort, Assert.IsType<SiloAddress>(host).Endpoint.Port);
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }

    [Fact]
    public async Task TwoWritersOfOneStateConflictInsteadOfOverwriting()
    {
        await using var cluster = await MariaDbCluster.StartAsync(server.ConnectionString, MariaDbCluster.NewServiceId(), _clock, silos: 1);
        var storage = cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("examsession", Guid.NewGuid().ToString("N"));
        var first = new GrainState<ExamSessionState>(new ExamSessionState());
        var second = new GrainState<ExamSessionState>(new ExamSessionState());
        await storage.ReadStateAsync(StateNames.ExamSession, grainId, first);
        await storage.ReadStateAsync(StateNames.ExamSession, grainId, second);

        first.State!.SubmissionId = "first";
        await storage.WriteStateAsync(StateNames.ExamSession, grainId, first);
        second.State!.SubmissionId = "second";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateNames.ExamSession, grainId, second));

        var stored = new GrainState<ExamSessionState>(new ExamSessionState());
        await storage.ReadStateAsync(StateNames.ExamSession, grainId, stored);
        Assert.Equal("first", stored.State!.SubmissionId);
    }

    [Fact]
    public async Task BookingCapacityHoldsAcrossSilos()
    {
        const int Capacity = 12;
        await using var cluster = await MariaDbCluster.StartAsync(server.ConnectionString, MariaDbCluster.NewServiceId(), _clock, silos: 3);
        var given = new Scenario(cluster.Client, _clock);
        var teacher = await given.UserAsync(UserRole.Teacher);
        var (exam, _) = await given.PublishedExamAsync(teacher);
        var slot = await given.SlotAsync(exam, teacher, TimeSpan.FromHours(1), Capacity);
        var students = await Task.WhenAll(Enumerable.Range(0, Capacity + 10).Select(_ => given.UserAsync(UserRole.Student)));

        var results = await Task.WhenAll(students.Select(async s =>
        {
            try
            {
                await given.BookAsync(s, slot.Id);
                return true;
            }
            catch (ProctorWiseException e) when (e.Kind == ErrorKind.Conflict)
            {
                return false;
            }
        }));

        Assert.Equal(Capacity, results.Count(ok => ok));
        var booked = await cluster.Client.GetGrain<IExamSlotGrain>(slot.Id).GetAsync();
        Assert.Equal(Capacity, booked!.Booked);
        var bookings = await Task.WhenAll(students.Select(s => cluster.Client.GetGrain<IStudentBookingsGrain>(s.UserId).ListAsync(s)));
        Assert.Equal(Capacity, bookings.Sum(b => b.Count));
    }

    private static Task<T> RetryUntilAsync<T>(Func<Task<T>> call, TimeSpan within) => RetryUntilAsync(call, DateTime.UtcNow + within);

    /// <summary>
    /// Retries while the cluster is reorganising: silos unavailable or not yet declared dead, messages rejected,
    /// connections refused by a dead silo's gateway that the client has not yet dropped, and attempts that got
    /// no answer within <paramref name="attempt"/>.
    /// </summary>

    private static async Task<T> RetryUntilAsync<T>(Func<Task<T>> call, DateTime until, TimeSpan? attempt = null)
    {
        while (true)
        {
            try
            {
                var task = call();
                if (attempt is not { } limit)
                {
                    return await task;
                }

                // A given-up attempt still ends (answer or response timeout) in the background.
                _ = task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return await task.WaitAsync(limit, Cancel);
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException or ConnectionFailedException && DateTime.UtcNow < until)
            {
                await Task.Delay(250, Cancel);
            }
        }
    }

    /// <summary>The session's entry in its room's view, once <paramref name="ready"/> holds (the room hears it through its stream).</summary>
    private static async Task<SessionLiveView> LiveViewAsync(MariaDbCluster cluster, string slotId, string sessionId, Func<SessionLiveView, bool> ready)
    {
        var room = cluster.Client.GetGrain<IRoomGrain>(slotId);
        var live = await Eventually.UntilAsync(
            async () => (await room.GetSnapshotAsync(s_admin)).Sessions.SingleOrDefault(s => s.SessionId == sessionId),
            v => v is not null && ready(v),
            $"the room shows the expected state of session {sessionId}");
        return live!;
    }

    /// <summary>How long after <paramref name="since"/> started the membership table marked the silo on <paramref name="siloPort"/> dead.</summary>
    private async Task<TimeSpan> DeclaredDeadAsync(string clusterId, int siloPort, Stopwatch since, TimeSpan within)
    {
        await Eventually.UntilAsync(
            () => MariaDbCluster.MembershipAsync(server.ConnectionString, clusterId),
            members => members.GetValueOrDefault(siloPort) == SiloStatus.Dead,
            $"the killed silo on port {siloPort} is declared dead within {within}",
            within - since.Elapsed,
            members => $"its status: {members.GetValueOrDefault(siloPort)}");
        return since.Elapsed;
    }
}
