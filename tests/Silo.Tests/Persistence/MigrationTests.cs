using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using ProctorWise.Silo.Persistence;

namespace ProctorWise.Silo.Tests.Persistence;

/// <summary>The <c>migrate</c> command on a real MariaDB.</summary>
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
}
