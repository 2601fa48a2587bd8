using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ProctorWise.Api.Hosting;

namespace ProctorWise.TestSupport.Web;

/// <summary>A real SignalR client over WebSockets to the test host, recording every message it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Messages received, by hub method name.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<System.Text.Json.JsonElement>> Received { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<HubClient> ConnectAsync(ApiFactory factory, string hub, string token, params string[] methods)
    {
        var baseAddress = factory.CreateClient().BaseAddress!;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, hub), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => ApiHostingExtensions.ConfigureJson(o.PayloadSerializerOptions))
            .Build();
        var client = new HubClient(connection);
        foreach (var method in methods)
        {
            var queue = client.Received.GetOrAdd(method, _ => new ConcurrentQueue<System.Text.Json.JsonElement>());
            connection.On<System.Text.Json.JsonElement>(method, message => queue.Enqueue(message));
        }

        await connection.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    public IReadOnlyList<System.Text.Json.JsonElement> Messages(string method) =>
        Received.TryGetValue(method, out var queue) ? [.. queue] : [];

    /// <summary>Waits until <paramref name="condition"/> holds for the messages of a method, and returns them.</summary>
    public Task<IReadOnlyList<System.Text.Json.JsonElement>> WaitForAsync(string method, Func<IReadOnlyList<System.Text.Json.JsonElement>, bool> condition) =>
        Eventually.UntilAsync(
            () => Task.FromResult(Messages(method)),
            condition,
            $"the awaited '{method}' messages",
            describe: messages => $"{messages.Count} '{method}' message(s): {string.Join(", ", messages)}");

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
