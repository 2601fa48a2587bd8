using ProctorWise.SparkConnect.Testing;

namespace ProctorWise.WebApi.Tests.Infrastructure;

/// <summary>
/// The analytics host with <c>Analytics:Engine=SparkConnect</c>: its silo starts with the Spark Connect engine pointed at
/// an in-process fake server (SQL on DuckDB, the protocol subset), so jobs, dataset pages and reports all go through
/// Spark Connect. The lake is the host's local folder, which the fake reads as a shared volume.
/// </summary>
public sealed class SparkAnalyticsApiFactory : AnalyticsApiFactory
{
    private FakeSparkConnectServer? _spark;

    /// <summary>The fake Spark Connect server (started before the host).</summary>
    public FakeSparkConnectServer Spark => _spark ?? throw new InvalidOperationException("The fake Spark Connect server has not started.");

    public override async ValueTask InitializeAsync()
    {
        _spark = await FakeSparkConnectServer.StartAsync(TestContext.Current.CancellationToken);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_spark is not null)
        {
            await _spark.DisposeAsync();
        }
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Analytics:Engine"] = "SparkConnect";
        settings["Analytics:SparkConnect:ConnectionString"] = Spark.ConnectionString;
        return settings;
    }
}
