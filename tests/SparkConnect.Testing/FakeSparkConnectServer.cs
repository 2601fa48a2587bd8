using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>
/// An in-process Spark Connect server for tests: Kestrel on a free loopback port, HTTP/2 without TLS (h2c), the
/// <c>spark.connect.SparkConnectService</c> of the client's protocol subset, SQL run on DuckDB. It records every request
/// (<see cref="Calls"/>) so tests assert what the client sent, and plays scripted faults (<see cref="Script"/>).
/// See src/SparkConnect/README.md for what it covers and what it cannot.
/// </summary>
public sealed class FakeSparkConnectServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly List<FakeFault> _faults = [];
    private readonly Lock _faultGate = new();
    private WebApplication? _app;

    private FakeSparkConnectServer()
    {
    }

    /// <summary>The connection string of the server (<c>sc://127.0.0.1:port/</c>).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The version AnalyzePlan reports.</summary>
    public string SparkVersion { get; set; } = "4.0.1";

    /// <summary>Rows per Arrow batch (one <c>ExecutePlanResponse</c> each).</summary>
    public int BatchRows { get; set; } = 1000;

    /// <summary>Error messages longer than this are cut in the gRPC status; <c>FetchErrorDetails</c> has them whole.</summary>
    public int MaxStatusMessageLength { get; set; } = 1024;

    /// <summary>When set, calls without <c>authorization: Bearer &lt;token&gt;</c> are refused (UNAUTHENTICATED).</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Operations the server holds now, over all sessions (a restart forgets them).</summary>
    public int HeldOperations => Sessions.Values.Sum(s => s.Operations.Count);

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    internal ConcurrentDictionary<string, FakeSession> Sessions { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, byte> ClosedSessions { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, FetchErrorDetailsResponse.Types.Error> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts a server.</summary>
    public static async Task<FakeSparkConnectServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeSparkConnectServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
            // A bug in the fake shows its message in the failing test instead of "Exception was thrown by handler".
            options.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(server);
        var app = builder.Build();
        app.MapGrpcService<FakeSparkConnectService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._app = app;
        server.Port = new Uri(address).Port;
        server.ConnectionString = $"sc://127.0.0.1:{server.Port}/";
        return server;
    }

    /// <summary>Scripts faults, played in order on the calls of their methods.</summary>
    public void Script(params FakeFault[] faults)
    {
        lock (_faultGate)
        {
            _faults.AddRange(faults);
        }
    }

    /// <summary>Faults scripted and not played yet.</summary>
    public int PendingFaults
    {
        get
        {
            lock (_faultGate)
            {
                return _faults.Count;
            }
        }
    }

    /// <summary>
    /// A server restart: every session, its views, settings and operations are gone. A client that names the old
    /// server-side session id gets <c>INVALID_HANDLE.SESSION_CHANGED</c>; one that does not gets a new session.
    /// </summary>
    public void Restart()
    {
        foreach (var id in Sessions.Keys)
        {
            if (Sessions.TryRemove(id, out var session))
            {
                foreach (var operation in session.Operations.Values)
                {
                    operation.Lost = true;
                    operation.Interrupted.Cancel();
                }

                session.Dispose();
            }
        }
    }

    /// <summary>The requests of one method, typed.</summary>
    public IReadOnlyList<T> Requests<T>(string method)
        where T : IMessage => [.. Calls.Where(c => string.Equals(c.Method, method, StringComparison.Ordinal)).Select(c => (T)c.Request)];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Restart();
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal void Record(string method, IMessage request, ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue("authorization");
        _calls.Enqueue(new RecordedCall(method, request.Descriptor.Parser.ParseFrom(request.ToByteString()), authorization));
        if (RequiredToken is { } token && !string.Equals(authorization, "Bearer " + token, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid bearer token is required."));
        }
    }

    internal FakeFault? TakeFault(string method)
    {
        lock (_faultGate)
        {
            var index = _faults.FindIndex(f => string.Equals(f.Method, method, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }
}
