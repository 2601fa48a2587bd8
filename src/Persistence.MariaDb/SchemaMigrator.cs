using System.Data;
using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace ProctorWise.Persistence.MariaDb;

/// <summary>
/// Applies the ordered, idempotent schema scripts over MySqlConnector, one statement at a time.
/// A MariaDB named lock serialises concurrent migrators (several silos starting together); each
/// applied script is recorded with its checksum, and an unchanged script is skipped unless forced.
/// DDL commits implicitly, so a script is not atomic: re-running after a failure is the recovery
/// path, which is why every script must be idempotent.
/// </summary>
internal sealed class SchemaMigrator
{
    public const string HistoryTable = "ProctorWiseSchemaHistory";
    private const string LockName = "proctorwise.schema-migrator";
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromMinutes(2);
    private readonly string _connectionString;

    public SchemaMigrator(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Its own unpooled connection, so the named lock never outlives the run on a pooled session.
        _connectionString = new MySqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    }

    /// <summary>Applies the scripts; with <paramref name="force"/> every script runs again.</summary>
    public async Task<IReadOnlyList<ScriptResult>> ApplyAsync(IEnumerable<SqlScript> scripts, bool force, Action<string>? log, CancellationToken cancellationToken)
    {
        var results = new List<ScriptResult>();
        await using var connection = new MySqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var locked = await ExecuteScalarAsync(connection, "SELECT GET_LOCK(@name, @timeout)", cancellationToken, ("@name", LockName), ("@timeout", (int)s_lockTimeout.TotalSeconds)).ConfigureAwait(false);
        if (locked is null or DBNull || Convert.ToInt64(locked, CultureInfo.InvariantCulture) != 1)
        {
            throw new TimeoutException($"Another migration has held the lock '{LockName}' for more than {s_lockTimeout}.");
        }

        try
        {
            await ExecuteAsync(connection, $"""
                CREATE TABLE IF NOT EXISTS `{HistoryTable}` (
                    ScriptName VARCHAR(255) NOT NULL, Checksum CHAR(64) NOT NULL, AppliedOn DATETIME(3) NOT NULL,
                    AppliedCount INT NOT NULL DEFAULT 1, CONSTRAINT PK_{HistoryTable} PRIMARY KEY (ScriptName)
                ) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_nopad_bin
                """, cancellationToken).ConfigureAwait(false);
            var applied = await ReadHistoryAsync(connection, cancellationToken).ConfigureAwait(false);
            foreach (var script in scripts.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var watch = Stopwatch.StartNew();
                if (!force && applied.TryGetValue(script.Name, out var checksum) && checksum == script.Checksum)
                {
                    log?.Invoke($"unchanged {script.Name}");
                    results.Add(new ScriptResult(script.Name, script.Checksum, Applied: false, 0, watch.Elapsed));
                    continue;
                }

                var statements = SqlStatements.Split(script.Sql);
                for (var i = 0; i < statements.Count; i++)
                {
                    try
                    {
                        await ExecuteAsync(connection, statements[i], cancellationToken).ConfigureAwait(false);
                    }
                    catch (MySqlException e)
                    {
                        throw new SchemaMigrationException(script.Name, i + 1, statements[i], e);
                    }
                }

                await ExecuteAsync(connection, $"""
                    INSERT INTO `{HistoryTable}` (ScriptName, Checksum, AppliedOn, AppliedCount) VALUES (@name, @checksum, UTC_TIMESTAMP(3), 1)
                    ON DUPLICATE KEY UPDATE Checksum = VALUES(Checksum), AppliedOn = VALUES(AppliedOn), AppliedCount = AppliedCount + 1
                    """, cancellationToken, ("@name", script.Name), ("@checksum", script.Checksum)).ConfigureAwait(false);
                log?.Invoke($"applied   {script.Name} ({statements.Count} statements, {watch.ElapsedMilliseconds} ms)");
                results.Add(new ScriptResult(script.Name, script.Checksum, Applied: true, statements.Count, watch.Elapsed));
            }
        }
        finally
        {
            if (connection.State == ConnectionState.Open)
            {
                // Best effort: the lock also dies with this unpooled session when it closes.
                await ExecuteAsync(connection, "DO RELEASE_LOCK(@name)", CancellationToken.None, ("@name", LockName)).ConfigureAwait(false);
            }
        }

        return results;
    }

    private static async Task<Dictionary<string, string>> ReadHistoryAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new MySqlCommand($"SELECT ScriptName, Checksum FROM `{HistoryTable}`", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ExecuteScalarAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static MySqlCommand Command(MySqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new MySqlCommand(sql, connection) { CommandTimeout = 300 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
