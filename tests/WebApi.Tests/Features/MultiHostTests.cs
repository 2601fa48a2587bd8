using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProctorWise.Api.Hosting;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// Several API hosts in client mode serve one cluster (a silo in its own host): a proctor connected to one host gets
/// the alerts of a student who posts to another; a host that stops takes no new hub connection, and its dashboards
/// reconnect to another host and resynchronise (as the web client does: rejoin the room, re-read the inbox).
/// </summary>
[Trait("Category", "Integration")]
public sealed class MultiHostTests : IAsyncLifetime
{
    private readonly string _clusterId = "multi-host-" + Guid.NewGuid().ToString("N");
    private readonly int _gatewayPort = FreePorts.Next();
    private readonly string _lake = Path.Combine(Path.GetTempPath(), "pw-lake-multi-host-" + Guid.NewGuid().ToString("N"));
    private readonly ClientApiFactory _first;
    private readonly ClientApiFactory _second;
    private IHost? _silo;
    private bool _firstStopped;

    public MultiHostTests()
    {
        _first = new ClientApiFactory(_clusterId, _gatewayPort);
        _second = new ClientApiFactory(_clusterId, _gatewayPort);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var siloBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = _clusterId,
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Lake:Path"] = _lake,
            ["Mail:PickupPath"] = _lake + "-mail",
            ["Bootstrap:AdminEmail"] = ApiFactory.AdminEmail,
            ["Bootstrap:AdminPassword"] = ApiFactory.AdminPassword,
            ["Sessions:TickInterval"] = "00:00:00.200",
            ["Analytics:Jobs:ScheduleEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        siloBuilder.AddProctorWiseSilo();

        // The domain clock is the first host's: the arrangement opens slots by moving it, and the silo decides.
        siloBuilder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, _first.Clock);
        _silo = siloBuilder.Build();
        await _silo.StartAsync(Cancel);
        await _first.InitializeAsync();
        await _second.InitializeAsync();
        _ = (_first.Port, _second.Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_firstStopped)
        {
            await _first.DisposeAsync();
        }

        await _second.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync(CancellationToken.None);
            _silo.Dispose();
        }

        foreach (var folder in new[] { _lake, _lake + "-mail" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ProctorsOnEitherHostGetTheAlertsOfAStudentWhoPostsToOneOfThem()
    {
        var room = await ProctoredRoom.ArrangeAsync(_first, "Two Hosts Student");
        await using var onFirst = await HubClient.ConnectAsync(_first, "/hubs/proctor", room.First.Token!, "alert");
        await using var onSecond = await HubClient.ConnectAsync(_second, "/hubs/proctor", room.Second.Token!, "alert");
        await onFirst.Connection.InvokeAsync<JsonElement>("WatchRoom", room.SlotId, Cancel);
        await onSecond.Connection.InvokeAsync<JsonElement>("WatchRoom", room.SlotId, Cancel);

        // The student talks to the second host only.
        var student = _second.Anonymous().WithToken(room.Student.Token!, room.Student.User);
        await Expect.Status(HttpStatusCode.Accepted, await student.PostAsync($"/api/sessions/{room.Session.Id}/events", new { type = "paste", seq = 1 }));

        foreach (var proctor in new[] { onFirst, onSecond })
        {
            var alert = Assert.Single(await proctor.WaitForAsync("alert", m => m.Count >= 1));
            Assert.Equal("paste", alert.GetProperty("type").GetString());
            Assert.Equal(room.Session.Id, alert.GetProperty("sessionId").GetString());
            Assert.Equal("Two Hosts Student", alert.GetProperty("studentName").GetString());
        }
    }

    [Fact]
    public async Task AStoppingHostTakesNoNewHubConnectionAndItsDashboardReconnectsToAnotherHostAndResynchronises()
    {
        var room = await ProctoredRoom.ArrangeAsync(_first, "Draining Student");
        var student = _second.Anonymous().WithToken(room.Student.Token!, room.Student.User);
        // Its own client: disposing the factory (the stop below) disposes the clients the factory made first.
        using var adminOnFirst = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_first.Port}") };
        adminOnFirst.DefaultRequestHeaders.Authorization = new("Bearer", (await _first.AdminAsync()).Token);
        var proctorOnSecond = _second.Anonymous().WithToken(room.First.Token!, room.First.User);

        // A balancer in front of both hosts: it sends a connection to the first host that takes it.
        await using var dashboard = await BalancedDashboard.ConnectAsync([_first, _second], room.First.Token!, room.SlotId);
        Assert.Equal([_first.Port], dashboard.ConnectedTo);
        var joined = await dashboard.WatchAsync();
        Assert.Contains(joined.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("sessionId").GetString() == room.Session.Id);
        await PostSignalAsync(student, room, "paste", 1);
        await dashboard.WaitForAlertsAsync(["paste"]);

        // The first host begins to stop; it is held in the stop before its web server closes, as a slow stop would be.
        using var release = new ManualResetEventSlim();
        var lifetime = _first.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => release.Wait(TimeSpan.FromMinutes(2)));
        _firstStopped = true;
        var stopping = Task.Run(() => _first.DisposeAsync().AsTask(), Cancel);
        try
        {
            // Not ready any more, and new hub connections are refused (the client's retry goes elsewhere).
            var ready = await Eventually.UntilAsync(
                () => adminOnFirst.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, "the stopping host is not ready");
            var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("checks").EnumerateArray();
            Assert.Contains(checks, c => c.GetProperty("name").GetString() == "draining" && c.GetProperty("status").GetString() == "Unhealthy");
            await using var late = new HubConnectionBuilder()
                .WithUrl(new Uri($"http://127.0.0.1:{_first.Port}/hubs/proctor"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(room.First.Token))
                .Build();
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => late.StartAsync(Cancel));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

            // The student keeps working (through the other host) while the dashboard's host goes away.
            await PostSignalAsync(student, room, "copy", 2);
        }
        finally
        {
            release.Set();
            await stopping;
        }

        // The dashboard lost its host and reconnected through the balancer to the second one, where it rejoins the
        // room and re-reads the inbox: the alert raised meanwhile is there whether or not it was pushed before the close.
        await Eventually.HoldsAsync(() => dashboard.ConnectedTo.Count == 2, () => $"connected to ports {string.Join(", ", dashboard.ConnectedTo)}");
        Assert.Equal([_first.Port, _second.Port], dashboard.ConnectedTo);
        var resynced = await dashboard.WaitForResyncAsync();
        Assert.Contains(resynced.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("sessionId").GetString() == room.Session.Id);
        var inbox = await Eventually.UntilAsync(
            () => proctorOnSecond.GetAsync<JsonElement>("/api/proctor/alerts"),
            alerts => alerts.EnumerateArray().Select(a => a.GetProperty("type").GetString()).Order().SequenceEqual(["copy", "paste"]),
            "the inbox holds both alerts after the reconnection");
        Assert.All(inbox.EnumerateArray(), a => Assert.Equal(room.Session.Id, a.GetProperty("sessionId").GetString()));

        // Live again: the next alert arrives over the new connection.
        await PostSignalAsync(student, room, "devtools_open", 3);
        await dashboard.WaitForAlertsAsync(["devtools_open"]);
    }

    private static async Task PostSignalAsync(ApiClient student, ProctoredRoom room, string type, int seq) =>
        await Expect.Status(HttpStatusCode.Accepted, await student.PostAsync($"/api/sessions/{room.Session.Id}/events", new { type, seq }));

    /// <summary>An API host in client mode of the test's silo.</summary>
    private sealed class ClientApiFactory(string clusterId, int gatewayPort) : ApiFactory
    {
        /// <summary>The port Kestrel listens on (read before the host stops, when the address is still known).</summary>
        public int Port => _port ??= CreateClient().BaseAddress!.Port;

        private int? _port;

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Orleans:Hosting"] = "Client";
            settings["Orleans:ClusterId"] = clusterId;
            settings["Orleans:Endpoints:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
            settings["Bootstrap:AdminEmail"] = null;
            settings["Bootstrap:AdminPassword"] = null;
            return settings;
        }
    }

    /// <summary>
    /// A proctor's dashboard behind a balancer: WebSockets without negotiation (so any host can take the connection),
    /// each connection to the first host that accepts it, automatic reconnection that never gives up, and on every
    /// reconnection what the web client does (src/Api/ClientApp/src/pages/proctor/room.ts: <c>resync</c>): rejoin the room.
    /// </summary>
    private sealed class BalancedDashboard : IAsyncDisposable
    {
        private readonly ConcurrentQueue<JsonElement> _alerts = new();
        private readonly ConcurrentQueue<int> _connectedTo = new();
        private readonly TaskCompletionSource<JsonElement> _resynced = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly string _slotId;
        private HubConnection _connection = null!;

        private BalancedDashboard(string slotId) => _slotId = slotId;

        /// <summary>The host port of each connection, in order.</summary>
        public IReadOnlyList<int> ConnectedTo => [.. _connectedTo];

        public static async Task<BalancedDashboard> ConnectAsync(IReadOnlyList<ClientApiFactory> hosts, string token, string slotId)
        {
            var ports = hosts.Select(h => h.Port).ToList();
            var dashboard = new BalancedDashboard(slotId);
            dashboard._connection = new HubConnectionBuilder()
                .WithUrl(new Uri($"http://127.0.0.1:{ports[0]}/hubs/proctor"), o =>
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                    o.WebSocketFactory = (context, cancel) => dashboard.ConnectToFirstTakerAsync(context.Uri, ports, token, cancel);
                })
                .WithAutomaticReconnect(new RetryForever())
                .AddJsonProtocol(o => ApiHostingExtensions.ConfigureJson(o.PayloadSerializerOptions))
                .Build();
            dashboard._connection.On<JsonElement>("alert", alert => dashboard._alerts.Enqueue(alert));
            dashboard._connection.Reconnected += async _ => dashboard._resynced.TrySetResult(await dashboard.WatchAsync());
            await dashboard._connection.StartAsync(Cancel);
            return dashboard;
        }

        public Task<JsonElement> WatchAsync() => _connection.InvokeAsync<JsonElement>("WatchRoom", _slotId, Cancel);

        public Task<JsonElement> WaitForResyncAsync() => _resynced.Task.WaitAsync(Eventually.DefaultTimeout, Cancel);

        public Task WaitForAlertsAsync(string[] types) =>
            Eventually.HoldsAsync(
                () => types.All(t => _alerts.Any(a => a.GetProperty("type").GetString() == t)),
                () => $"alerts received: [{string.Join(", ", _alerts.Select(a => a.GetProperty("type").GetString()))}], awaited [{string.Join(", ", types)}]");

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

        private async ValueTask<WebSocket> ConnectToFirstTakerAsync(Uri requested, IReadOnlyList<int> ports, string token, CancellationToken cancel)
        {
            var refusals = new List<string>();
            foreach (var port in ports)
            {
                var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
                try
                {
                    await socket.ConnectAsync(new UriBuilder(requested) { Port = port }.Uri, cancel);
                    _connectedTo.Enqueue(port);
                    return socket;
                }
                catch (Exception e) when (e is WebSocketException or HttpRequestException)
                {
                    // Refused (stopping: 503) or not listening (stopped): the balancer tries the next host.
                    refusals.Add($"{port}: {e.Message}");
                    socket.Dispose();
                }
            }

            throw new WebSocketException("No host took the connection: " + string.Join("; ", refusals));
        }
    }

    /// <summary>Like the web client's policy (retry for as long as the page is open), with short waits for a test.</summary>
    private sealed class RetryForever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromMilliseconds(200);
    }
}
