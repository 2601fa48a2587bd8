using Microsoft.Extensions.Configuration;

namespace ProctorWise.Persistence.MariaDb;

/// <summary>
/// <c>dotnet run --project src/Silo -- migrate [--force]</c>: applies the MariaDB schema (idempotent)
/// to <c>ConnectionStrings__MariaDb</c> and exits 0; exit code 2 without a connection string, 1 on failure.
/// </summary>
public static class MigrateCommand
{
    /// <summary>True when the command line asks for the migration.</summary>
    public static bool IsRequested(string[] args) => args is ["migrate", ..];

    /// <summary>Runs the migration and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        var connectionString = MariaDbSettings.ConnectionString(configuration);
        if (connectionString is null)
        {
            await output.WriteLineAsync("migrate: set ConnectionStrings__MariaDb (e.g. Server=127.0.0.1;Port=3306;Database=proctorwise;User ID=proctorwise;Password=…).");
            return 2;
        }

        try
        {
            var results = await new SchemaMigrator(connectionString).ApplyAsync(
                SqlScript.MariaDbSchema(), force: args.Contains("--force"), message => output.WriteLine($"migrate: {message}"), cancellationToken);
            await output.WriteLineAsync($"migrate: schema up to date ({results.Count(r => r.Applied)} of {results.Count} scripts applied).");
            return 0;
        }
        catch (Exception e) when (e is SchemaMigrationException or MySqlConnector.MySqlException or TimeoutException)
        {
            await output.WriteLineAsync($"migrate: failed: {e.Message}");
            return 1;
        }
    }
}
