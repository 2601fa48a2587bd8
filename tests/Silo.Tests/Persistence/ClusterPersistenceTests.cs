using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Bookings;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Grading;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Slots;
using ProctorWise.Grains.Sessions;
using ProctorWise.Silo.Persistence;
using ProctorWise.TestSupport;

namespace ProctorWise.Silo.Tests.Persistence;

/// <summary>
/// The cluster on MariaDB: state and reminders survive restarts, a killed silo loses nothing that was
/// saved, concurrent writers conflict instead of overwriting, capacity holds across silos.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterPersistenceTests(MariaDbServer server) : IAsyncLifetime
{
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
        await using (var first = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock))
        {
            var given = new Scenario(first.Client, _clock);
            (student, _, before, _) = await given.RunningSessionAsync();
            var session = first.Client.GetGrain<IExamSessionGrain>(before.Id);
            await session.SaveAnswerAsync(student, "short", AnswerValue.FromText("hypotenuse"), 1);
            await session.SaveAnswerAsync(student, "multi", AnswerValue.FromChoices(0, 2), 2);
            await session.RecordSignalAsync(student, new BrowserSignal(BrowserSignalType.Paste, null, 1, null));
        }

        await using var second = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock);
        var restored = second.Client.GetGrain<IExamSessionGrain>(before.Id);
        var after = await restored.GetAsync(student);
        Assert.Equal(SessionStatus.InProgress, after.Status);
        Assert.Equal(before.Deadline, after.Deadline);
        var answers = after.Answers!;
        Assert.Equal(["hypotenuse", null], answers.OrderByDescending(a => a.QuestionId).Select(a => a.Answer.Text));
        Assert.Equal([0, 2], answers.Single(a => a.QuestionId == "multi").Answer.Choices);
        var admin = new Caller("admin", UserRole.Admin);
        var anomaly = Assert.Single(await restored.GetAnomaliesAsync(admin));
        Assert.Equal(AnomalyType.Paste, anomaly.Type);
        Assert.False(await restored.SaveAnswerAsync(student, "short", AnswerValue.FromText("stale"), 1));
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
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await index.ListAsync(new(1, 10))).Total == 0)
        {
            Assert.True(DateTime.UtcNow < until, "The reminder did not submit the session after the restart.");
            await Task.Delay(250, Cancel);
        }

        var submission = await second.Client.GetGrain<ISubmissionGrain>(Assert.Single((await index.ListAsync(new(1, 10))).Items)).GetAsync(teacher);
        Assert.Equal(SessionStatus.Expired, submission.SessionStatus);
        var results = submission.Results!;
        Assert.Equal(2m, results.Single(r => r.QuestionId == "single").Score);
    }

    [Fact]
    public async Task KillingASiloProcessLosesNoSavedAnswerAndItsGrainsMoveToTheSurvivors()
    {
        // Three silo processes on one machine, different ports, one MariaDB; the test is only a client.
        var serviceId = MariaDbCluster.NewServiceId();
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Start(MariaDbCluster.Settings(server.ConnectionString, serviceId))).ToList();
        try
        {
            await using var cluster = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 0);
            var given = new Scenario(cluster.Client, _clock);
            await RetryUntilAsync(() => given.UserAsync(UserRole.Teacher), TimeSpan.FromSeconds(60));
            var teacher = await given.UserAsync(UserRole.Teacher);
            var (exam, _) = await given.PublishedExamAsync(teacher);

            // The silo processes run on the real clock: the slot opens for real a few seconds from now.
            var slot = await exam.AddSlotAsync(teacher, DateTimeOffset.UtcNow.AddSeconds(4), 30);
            var students = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => given.UserAsync(UserRole.Student)));
            var bookings = await Task.WhenAll(students.Select(s => given.BookAsync(s, slot.Id)));
            await Task.Delay(slot.StartsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500), Cancel);
            var sessions = new List<(Caller Student, string SessionId)>();
            for (var i = 0; i < students.Length; i++)
            {
                var started = await cluster.Client.GetGrain<IStudentBookingsGrain>(students[i].UserId).StartSessionAsync(students[i], bookings[i].Id);
                await cluster.Client.GetGrain<IExamSessionGrain>(started.Session.Id).SaveAnswerAsync(students[i], "short", AnswerValue.FromText($"answer {i}"), 1);
                sessions.Add((students[i], started.Session.Id));
            }

            silos[^1].Kill();

            for (var i = 0; i < sessions.Count; i++)
            {
                var (student, sessionId) = sessions[i];
                var view = await RetryUntilAsync(() => cluster.Client.GetGrain<IExamSessionGrain>(sessionId).GetAsync(student), TimeSpan.FromSeconds(90));
                Assert.Equal(SessionStatus.InProgress, view.Status);
                Assert.Equal($"answer {i}", view.Answers!.Single().Answer.Text);
                Assert.True(await RetryUntilAsync(() => cluster.Client.GetGrain<IExamSessionGrain>(sessionId).SaveAnswerAsync(student, "essay", AnswerValue.FromText("still here"), 2), TimeSpan.FromSeconds(30)));
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

    private static async Task<T> RetryUntilAsync<T>(Func<Task<T>> call, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException && DateTime.UtcNow < until)
            {
                await Task.Delay(250, Cancel);
            }
        }
    }
}
