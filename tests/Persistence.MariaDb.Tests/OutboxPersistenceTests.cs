using Microsoft.Extensions.Configuration;
using ProctorWise.Grains.Exams;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Cluster;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// The outbox on MariaDB: a fact is saved in the same write as its change, and one the stream never took
/// (the broker down until the silo went away) is published by the grain's next activation on a new cluster.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OutboxPersistenceTests(MariaDbServer server) : IAsyncLifetime
{
    private static readonly Caller s_teacher = new("teacher-" + Guid.NewGuid().ToString("N"), UserRole.Teacher);
    private readonly ShiftableClock _clock = new();

    public async ValueTask InitializeAsync()
    {
        using var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = server.ConnectionString }).Build();
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], configuration, output, TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AFactTheStreamNeverTookIsPublishedByTheNextActivationAfterARestart()
    {
        var serviceId = MariaDbCluster.NewServiceId();
        var examId = Guid.NewGuid().ToString("N");
        var grainId = GrainId.Create("exam", examId);
        FaultyEventPublisher.Fail(examId, int.MaxValue);
        Guid eventId;
        await using (var first = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 1))
        {
            var exam = first.Client.GetGrain<IExamGrain>(examId);
            await exam.CreateAsync(s_teacher, Scenario.Draft());
            await exam.PublishAsync(s_teacher);

            // The change and its fact are in one stored state; the publish failed, so the fact is still pending.
            var stored = await first.StoredStateAsync<ExamState>(StateNames.Exam, grainId);
            Assert.Equal(ExamStatus.Published, stored.Status);
            var pending = Assert.Single(stored.Outbox);
            Assert.Equal((StreamNamespaces.Exams, examId), (pending.Namespace, pending.Key));
            eventId = Assert.IsType<ExamPublished>(pending.Event).EventId;
            Assert.True(FaultyEventPublisher.Failed[examId] >= 1);
        }

        // The broker is back and a new cluster runs on the same database: the first call reactivates the exam,
        // which publishes what it had pending, once, and writes that it did.
        FaultyEventPublisher.Heal(examId);
        await using var second = await MariaDbCluster.StartAsync(server.ConnectionString, serviceId, _clock, silos: 1);
        await second.Client.GetGrain<IExamGrain>(examId).GetAsync(s_teacher);
        var probe = second.Client.GetGrain<IEventProbeGrain>(examId);
        var received = await Eventually.UntilAsync(() => probe.ReceivedAsync(), r => r.Count > 0, "the pending fact is published after the reactivation");

        Assert.Equal(eventId, Assert.IsType<ExamPublished>(Assert.Single(received).Event).EventId);
    }
}
