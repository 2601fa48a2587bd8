using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Sessions;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>State written by an older shape of a type loads after a field was added (MariaDB, production serializer).</summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StateVersioningTests(MariaDbServer server)
{
    [Fact]
    public async Task AStateWrittenBeforeAFieldWasAddedStillLoads()
    {
        using var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = server.ConnectionString }).Build();
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], configuration, output, TestContext.Current.CancellationToken));
        await using var cluster = await MariaDbCluster.StartAsync(server.ConnectionString, MariaDbCluster.NewServiceId(), new ShiftableClock(), silos: 1);
        var storage = cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("examsession", Guid.NewGuid().ToString("N"));
        var legacy = new ExamSessionStateV1
        {
            Status = SessionStatus.InProgress,
            StartedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            Answers = { ["q1"] = new SavedAnswer { Answer = AnswerValue.FromText("kept"), Sequence = 3 } },
            QuestionOrder = ["q1", "q2"],
        };
        await storage.WriteStateAsync(StateNames.ExamSession, grainId, new GrainState<ExamSessionStateV1>(legacy));

        var current = new GrainState<ExamSessionState>(new ExamSessionState());
        await storage.ReadStateAsync(StateNames.ExamSession, grainId, current);

        Assert.True(current.RecordExists);
        var state = current.State!;
        Assert.Equal(legacy.StartedAt, state.StartedAt);
        Assert.Equal("kept", state.LegacyAnswers["q1"].Answer.Text);
        Assert.Equal(3, state.LegacyAnswers["q1"].Sequence);
        Assert.Equal(["q1", "q2"], state.QuestionOrder);
        var proctoring = state.Proctoring;
        Assert.NotNull(proctoring);
        Assert.Empty(proctoring.Anomalies);

        // Activating the grain moves those answers to the session's own answers record and empties the old field.
        Assert.Null(await cluster.Client.GetGrain<IExamSessionGrain>(grainId.Key.ToString()!).TryGetStartedAsync(Caller.System));
        var answers = new GrainState<SessionAnswersState>(new SessionAnswersState());
        await storage.ReadStateAsync(StateNames.SessionAnswers, grainId, answers);
        Assert.Equal("kept", answers.State!.Answers["q1"].Answer.Text);
        var after = new GrainState<ExamSessionState>(new ExamSessionState());
        await storage.ReadStateAsync(StateNames.ExamSession, grainId, after);
        Assert.Empty(after.State!.LegacyAnswers);
    }
}
