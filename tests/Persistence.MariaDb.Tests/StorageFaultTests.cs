using Microsoft.Extensions.Configuration;
using MySqlConnector;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// A database fault under a grain call, seen from a client connected through a gateway (as a client-mode API
/// host is): a refusal of kind Transient that says nothing of the database, never the driver's exception;
/// and a write that failed is not acknowledged later from the grain's memory.
/// </summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StorageFaultTests(MariaDbServer server)
{
    private static readonly ProctoringPolicy s_noCamera = new(WebcamRequired: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFailedWriteReachesTheClientAsTransientAndIsNotAcknowledgedFromMemoryAfterwards()
    {
        var database = "pw_fault_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = await server.CreateDatabaseAsync(database);
        Assert.SkipWhen(connectionString is null, $"the account of {MariaDbServer.EnvironmentVariable} may not create a database");
        try
        {
            using var output = new StringWriter();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = connectionString }).Build();
            Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], configuration, output, Cancel));

            var clock = new ShiftableClock();
            var serviceId = MariaDbCluster.NewServiceId();
            SessionView session;
            Caller student;
            await using (var cluster = await MariaDbCluster.StartAsync(connectionString, serviceId, clock, silos: 1))
            {
                (student, _, session, _) = await new Scenario(cluster.Client, clock).RunningSessionAsync(policy: s_noCamera);
                var grain = cluster.Client.GetGrain<IExamSessionGrain>(session.Id);

                // Grain state lives in OrleansStorage; without it every read and write of state fails in the driver.
                await ExecuteAsync(connectionString, "RENAME TABLE OrleansStorage TO OrleansStorageAway");
                var refused = await Assert.ThrowsAsync<ProctorWiseException>(() => grain.SaveAnswerAsync(student, "short", AnswerValue.FromText("lost"), 1));
                Assert.Equal(ErrorKind.Transient, refused.Kind);
                Assert.Equal(StorageUnavailableException.DefaultMessage, refused.Message);

                // While the database is still away, the activation that reads its state fails the same way.
                var again = await Assert.ThrowsAnyAsync<Exception>(() => grain.SaveAnswerAsync(student, "short", AnswerValue.FromText("lost"), 1));
                Assert.True(again is StorageUnavailableException or ProctorWiseException { Kind: ErrorKind.Transient }, again.ToString());
                Assert.DoesNotContain("OrleansStorage", again.ToString(), StringComparison.Ordinal);

                await ExecuteAsync(connectionString, "RENAME TABLE OrleansStorageAway TO OrleansStorage");

                // The retry of the same save is a save, not "already saved" from a memory that storage never held.
                Assert.True(await grain.SaveAnswerAsync(student, "short", AnswerValue.FromText("kept"), 1));
            }

            await using var restarted = await MariaDbCluster.StartAsync(connectionString, serviceId, clock, silos: 1);
            var after = await restarted.Client.GetGrain<IExamSessionGrain>(session.Id).GetAsync(student);
            Assert.Equal("kept", after.Answers!.Single(a => a.QuestionId == "short").Answer.Text);
        }
        finally
        {
            await ExecuteAsync(connectionString!, $"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
