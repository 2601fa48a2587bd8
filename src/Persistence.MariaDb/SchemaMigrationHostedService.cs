using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProctorWise.Persistence.MariaDb;

/// <summary>Applies the schema before the silo starts when <c>Database:MigrateOnStart</c> is true.</summary>
internal sealed partial class SchemaMigrationHostedService(string connectionString, ILogger<SchemaMigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var results = await new SchemaMigrator(connectionString).ApplyAsync(SqlScript.MariaDbSchema(), force: false, message => LogStep(logger, message), cancellationToken);
        var applied = results.Count(r => r.Applied);
        LogDone(logger, applied, results.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date ({Applied} of {Total} scripts applied)")]
    private static partial void LogDone(ILogger logger, int applied, int total);
}
