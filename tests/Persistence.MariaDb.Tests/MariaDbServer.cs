using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using ProctorWise.TestSupport;

namespace ProctorWise.Persistence.MariaDb.Tests;

/// <summary>
/// A real MariaDB for the integration tests: the one named by <c>PROCTORWISE_TEST_MARIADB</c>, or a
/// throwaway server this fixture starts on a private data directory and port with
/// scripts/mariadb-start.sh (MariaDB from apt; .ci/run installs it) and stops afterwards.
/// </summary>
public sealed class MariaDbServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PROCTORWISE_TEST_MARIADB";
    private const string Password = "proctorwise-tests";
    private string? _dataDirectory;
    private int _port;

    /// <summary>The connection string of the test database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }

        _dataDirectory = Path.Combine(Path.GetTempPath(), "pw-mariadb-" + Guid.NewGuid().ToString("N")[..8]);
        _port = FreePorts.Next();
        var (exit, output) = await RunAsync("mariadb-start.sh", [], _dataDirectory, _port.ToString(CultureInfo.InvariantCulture));
        if (exit != 0)
        {
            throw new InvalidOperationException(
                $"Could not start MariaDB (install it with `apt-get install -y mariadb-server`, or set {EnvironmentVariable}):{Environment.NewLine}{output}");
        }

        ConnectionString = $"Server=127.0.0.1;Port={_port};Database=proctorwise;User ID=proctorwise;Password={Password}";
    }

    /// <summary>
    /// Creates another, empty database on the server and returns its connection string (same account), or
    /// null when the account of <see cref="EnvironmentVariable"/> may not create databases. The caller drops it.
    /// </summary>
    public async Task<string?> CreateDatabaseAsync(string name)
    {
        var connectionString = new MySqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        if (_dataDirectory is not null)
        {
            // The start script is idempotent on a running server: it only adds the database and the grant.
            var (exit, output) = await RunAsync("mariadb-start.sh", [("PROCTORWISE_DB_NAME", name)], _dataDirectory, _port.ToString(CultureInfo.InvariantCulture));
            return exit == 0 ? connectionString : throw new InvalidOperationException($"Could not create database {name}:{Environment.NewLine}{output}");
        }

        try
        {
            await using var connection = new MySqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4", connection);
            await command.ExecuteNonQueryAsync();
            return connectionString;
        }
        catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.DatabaseAccessDenied or MySqlErrorCode.AccessDenied)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is not null)
        {
            await RunAsync("mariadb-stop.sh", [], _dataDirectory);
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string script, IEnumerable<(string Name, string Value)> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PROCTORWISE_DB_PASSWORD"] = Password;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
