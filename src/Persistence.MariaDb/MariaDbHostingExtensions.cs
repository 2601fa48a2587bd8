using Microsoft.Extensions.DependencyInjection;

namespace ProctorWise.Persistence.MariaDb;

/// <summary>The Orleans ADO.NET providers on MariaDB, each bound to MySqlConnector's invariant.</summary>
public static class MariaDbHostingExtensions
{
    /// <summary>Membership in the MariaDB table <c>OrleansMembershipTable</c>.</summary>
    public static ISiloBuilder UseMariaDbClustering(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = MariaDbSettings.Invariant;
            o.ConnectionString = connectionString;
        });

    /// <summary>A client finds the cluster's gateways in the membership table.</summary>
    public static IClientBuilder UseMariaDbClustering(this IClientBuilder client, string connectionString) =>
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = MariaDbSettings.Invariant;
            o.ConnectionString = connectionString;
        });

    /// <summary>Grain state under the provider name <paramref name="name"/>.</summary>
    public static ISiloBuilder AddMariaDbGrainStorage(this ISiloBuilder silo, string name, string connectionString) =>
        silo.AddAdoNetGrainStorage(name, o =>
        {
            o.Invariant = MariaDbSettings.Invariant;
            o.ConnectionString = connectionString;
        });

    /// <summary>Reminders in the MariaDB table <c>OrleansRemindersTable</c>.</summary>
    public static ISiloBuilder UseMariaDbReminders(this ISiloBuilder silo, string connectionString) =>
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = MariaDbSettings.Invariant;
            o.ConnectionString = connectionString;
        });

    /// <summary>
    /// Applies the schema when the host starts. Register it before the silo: hosted services start in order,
    /// so the tables exist when membership starts.
    /// </summary>
    public static IServiceCollection AddMariaDbMigrationOnStart(this IServiceCollection services, string connectionString) =>
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SchemaMigrationHostedService>(sp, connectionString));
}
