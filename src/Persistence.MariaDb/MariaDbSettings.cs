using Microsoft.Extensions.Configuration;

namespace ProctorWise.Persistence.MariaDb;

/// <summary>
/// The production store: <c>ConnectionStrings:MariaDb</c> (<c>ConnectionStrings__MariaDb</c>) switches
/// clustering, grain state and reminders to the Orleans ADO.NET providers over MySqlConnector.
/// </summary>
public static class MariaDbSettings
{
    /// <summary>The connection string name.</summary>
    public const string ConnectionStringName = "MariaDb";

    /// <summary>The ADO.NET invariant under which Orleans loads MySqlConnector's factory.</summary>
    public const string Invariant = "MySql.Data.MySqlConnector";

    /// <summary>Configuration key: apply the schema when a host starts (default false; the <c>migrate</c> command does it explicitly).</summary>
    public const string MigrateOnStartKey = "Database:MigrateOnStart";

    /// <summary>The connection string, or null for the embedded in-memory providers.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value ? value : null;
}
