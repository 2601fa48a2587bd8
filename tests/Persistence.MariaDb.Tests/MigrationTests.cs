using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>The <c>migrate</c> command, and the migration at start-up, on a real MariaDB.</summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MigrationTests(MariaDbServer server)
{
    private IConfiguration Configuration(string? connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = connectionString })
        .Build();

    [Fact]
    public async Task MigrateIsIdempotentAndCreatesEveryQueryTheProvidersNeed()
    {
        using var output = new StringWriter();
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], Configuration(server.ConnectionString), output, TestContext.Current.CancellationToken));
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate", "--force"], Configuration(server.ConnectionString), output, TestContext.Current.CancellationToken));
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], Configuration(server.ConnectionString), output, TestContext.Current.CancellationToken));
        Assert.Contains("unchanged 004-reminders.sql", output.ToString(), StringComparison.Ordinal);

        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new MySqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                keys.Add(reader.GetString(0));
            }
        }

        foreach (var key in new[] { "InsertMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "UpsertReminderRowKey", "ReadRangeRows2Key" })
        {
            Assert.Contains(key, keys);
        }
    }

    [Fact]
    public async Task WithoutAConnectionStringMigrateExplainsAndFails()
    {
        using var output = new StringWriter();
        Assert.Equal(2, await MigrateCommand.RunAsync(["migrate"], Configuration(null), output, TestContext.Current.CancellationToken));
        Assert.Contains("ConnectionStrings__MariaDb", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSiloProgramRunsTheMigrationFromTheCommandLine()
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "ProctorWise.Silo.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(silo);
        start.ArgumentList.Add("migrate");
        start.Environment["ConnectionStrings__MariaDb"] = server.ConnectionString;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Contains("schema up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASiloWithMigrateOnStartCreatesTheSchemaInAnEmptyDatabaseAndJoins()
    {
        var cancel = TestContext.Current.CancellationToken;
        var database = "pw_empty_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = await server.CreateDatabaseAsync(database);
        Assert.SkipWhen(connectionString is null, $"the account of {MariaDbServer.EnvironmentVariable} may not create a database");
        try
        {
            Assert.Equal(0L, await ScalarAsync(connectionString, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"));

            // The silo program as operators run it: Database__MigrateOnStart=true in its environment, no `migrate` before.
            var serviceId = MariaDbCluster.NewServiceId();
            var settings = MariaDbCluster.Settings(connectionString, serviceId, new Dictionary<string, string?> { [MariaDbSettings.MigrateOnStartKey] = "true" });
            using var silo = SiloProcess.Start(settings);
            await Eventually.HoldsAsync(
                async () =>
                {
                    Assert.False(silo.HasExited, "The silo stopped:" + Environment.NewLine + silo.Output);
                    return (await MariaDbCluster.MembershipAsync(connectionString, serviceId)).ContainsValue(SiloStatus.Active);
                },
                () => "the silo did not join:" + Environment.NewLine + silo.Output,
                TimeSpan.FromSeconds(60));

            Assert.Equal(
                ["001-main.sql", "002-clustering.sql", "003-persistence.sql", "004-reminders.sql"],
                await ColumnAsync(connectionString, $"SELECT ScriptName FROM {SchemaMigrator.HistoryTable} ORDER BY ScriptName"));

            // The cluster works on the new schema: a grain's state is written there.
            var clock = new ShiftableClock();
            await using var cluster = await MariaDbCluster.StartAsync(connectionString, serviceId, clock, silos: 0);
            var student = await new Scenario(cluster.Client, clock).UserAsync(UserRole.Student);
            Assert.Equal(student.UserId, (await cluster.Client.GetGrain<IUserGrain>(student.UserId).GetAsync())?.Id);
            Assert.NotEqual(0L, await ScalarAsync(connectionString, "SELECT COUNT(*) FROM OrleansStorage"));
        }
        finally
        {
            await ExecuteAsync(connectionString!, $"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
