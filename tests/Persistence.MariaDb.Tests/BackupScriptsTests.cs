using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>scripts/db-backup.sh and db-restore.sh on a real MariaDB.</summary>
[Collection(MariaDbCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BackupScriptsTests(MariaDbServer server) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pw-backups-" + Guid.NewGuid().ToString("N")[..8]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABackupRestoresDeletedRows()
    {
        using var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:MariaDb"] = server.ConnectionString }).Build();
        Assert.Equal(0, await MigrateCommand.RunAsync(["migrate"], configuration, output, Cancel));

        var (exit, log) = await RunAsync("db-backup.sh", _directory);
        Assert.True(exit == 0, log);
        var backup = Assert.Single(Directory.GetFiles(_directory, "*.sql.gz"));

        await ExecuteAsync("DELETE FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'");
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'"));

        Assert.Equal(2, (await RunAsync("db-restore.sh", backup)).Exit);
        (exit, log) = await RunAsync("db-restore.sh", backup, "--yes");
        Assert.True(exit == 0, log);
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'"));
    }

    [Fact]
    public async Task OldBackupsArePrunedButTheNewestAreKept()
    {
        Directory.CreateDirectory(_directory);
        for (var i = 0; i < 9; i++)
        {
            var old = Path.Combine(_directory, $"proctorwise-proctorwise-2020010{i}T000000Z.sql.gz");
            await File.WriteAllBytesAsync(old, [], Cancel);
            File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-30 - i));
        }

        var (exit, log) = await RunAsync("db-backup.sh", _directory);

        Assert.True(exit == 0, log);
        Assert.Equal(7, Directory.GetFiles(_directory, "*.sql.gz").Length);
        Assert.Contains(Directory.GetFiles(_directory), f => File.GetLastWriteTimeUtc(f) > DateTime.UtcNow.AddHours(-1));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__MariaDb"] = server.ConnectionString;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, await stdout + await stderr);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Cancel);
    }
}
