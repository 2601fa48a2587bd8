using System.Collections.Concurrent;
using ProctorWise.SparkConnect.Protocol;
using ProctorWise.SparkConnect.Testing;

namespace ProctorWise.SparkConnect.Tests;

/// <summary>A fake server and a client for one test; waits between retries are recorded, not slept.</summary>
internal sealed class FakeServerFixture : IAsyncDisposable
{
    private FakeServerFixture(FakeSparkConnectServer server, SparkConnectClient client)
    {
        Server = server;
        Client = client;
    }

    public FakeSparkConnectServer Server { get; }

    public SparkConnectClient Client { get; }

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public static async Task<FakeServerFixture> StartAsync(string parameters = "", Action<SparkConnectClientOptions>? configure = null)
    {
        var server = await FakeSparkConnectServer.StartAsync(TestContext.Current.CancellationToken);
        var delays = new ConcurrentQueue<TimeSpan>();
        var options = new SparkConnectClientOptions
        {
            ReleaseEvery = 2,
            Delay = (delay, _) =>
            {
                delays.Enqueue(delay);
                return Task.CompletedTask;
            },
        };
        configure?.Invoke(options);
        var client = new SparkConnectClient(SparkConnectConnectionString.Parse(server.ConnectionString + parameters), options);
        var fixture = new FakeServerFixture(server, client);
        foreach (var delay in delays)
        {
            fixture.Delays.Enqueue(delay);
        }

        options.Delay = (delay, _) =>
        {
            fixture.Delays.Enqueue(delay);
            return Task.CompletedTask;
        };
        return fixture;
    }

    public static Plan Sql(string query) => new() { Root = new Relation { Sql = new SQL { Query = query } } };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
