using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect;

/// <summary>
/// One HTTP/2 channel to a Spark Connect server, shared by the sessions opened on it (thread-safe). The bearer token of
/// the connection string travels in the <c>authorization</c> metadata of every call; keep-alive pings keep long
/// streams open through idle-timeout proxies; the receive limit fits large Arrow batches.
/// </summary>
public sealed class SparkConnectClient : IDisposable
{
    /// <summary>The client type reported to the server (Spark's UI and logs show it).</summary>
    public const string ClientType = "proctorwise-dotnet/1.0";

    private readonly GrpcChannel _channel;

    /// <summary>Connects (lazily: the first call opens the connection).</summary>
    public SparkConnectClient(SparkConnectConnectionString connection, SparkConnectClientOptions? options = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        Options = options ?? new SparkConnectClientOptions();
        Logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<SparkConnectClient>();
        Random = Options.Random ?? Random.Shared;
        var channelOptions = new GrpcChannelOptions
        {
            MaxReceiveMessageSize = Options.MaxReceiveMessageSize,
            HttpHandler = Options.HttpHandler ?? new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = Options.KeepAlivePingDelay,
                KeepAlivePingTimeout = Options.KeepAlivePingTimeout,
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
            DisposeHttpClient = true,
        };
        if (connection.Token is { } token)
        {
            channelOptions.Credentials = connection.UseSsl
                ? ChannelCredentials.Create(ChannelCredentials.SecureSsl, Bearer(token))
                : ChannelCredentials.Create(ChannelCredentials.Insecure, Bearer(token));
            // A token over plaintext is the caller's explicit choice (use_ssl=false), e.g. behind a TLS-terminating sidecar.
            channelOptions.UnsafeUseInsecureChannelCallCredentials = !connection.UseSsl;
        }

        _channel = GrpcChannel.ForAddress(connection.Endpoint, channelOptions);
        Stub = new SparkConnectService.SparkConnectServiceClient(_channel);
    }

    /// <summary>Where this client connects.</summary>
    public SparkConnectConnectionString Connection { get; }

    internal SparkConnectClientOptions Options { get; }

    internal ILogger Logger { get; }

    internal Random Random { get; }

    internal SparkConnectService.SparkConnectServiceClient Stub { get; }

    /// <summary>
    /// A new session (a new id unless <paramref name="sessionId"/> or the connection string gives one). Nothing is sent
    /// until the first call; the server creates its side of the session then.
    /// </summary>
    public SparkConnectSession OpenSession(Guid? sessionId = null) =>
        new(this, sessionId ?? Connection.SessionId ?? Guid.NewGuid());

    /// <inheritdoc/>
    public void Dispose() => _channel.Dispose();

    private static CallCredentials Bearer(string token) => CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("authorization", "Bearer " + token);
        return Task.CompletedTask;
    });
}
