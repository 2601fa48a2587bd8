using System.Net;
using System.Net.Sockets;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>
/// A loopback TCP proxy in front of a server that can make the connections it holds go silent: bytes stop flowing both
/// ways but no socket is closed, no RST and no FIN is sent — what a client sees when a NAT entry, a load balancer or a
/// node vanishes under an open connection. Connections made after <see cref="SilenceOpenConnections"/> work normally.
/// </summary>
public sealed class SilenceableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Connection> _connections = [];
    private readonly Task _accepting;

    private SilenceableTcpProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Accepted { get; private set; }

    /// <summary>A proxy to <c>127.0.0.1:<paramref name="upstreamPort"/></c>.</summary>
    public static SilenceableTcpProxy Start(int upstreamPort) => new(upstreamPort);

    /// <summary>Every connection open now stops carrying bytes, for good; none is closed.</summary>
    public void SilenceOpenConnections()
    {
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Silenced = true;
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token).ConfigureAwait(false);
                var connection = new Connection(client, upstream);
                lock (_gate)
                {
                    _connections.Add(connection);
                    Accepted++;
                }

                connection.Pump(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: stop accepting.
        }
    }

    private sealed class Connection(TcpClient client, TcpClient upstream) : IDisposable
    {
        public volatile bool Silenced;

        public void Pump(CancellationToken stop)
        {
            _ = CopyAsync(client.GetStream(), upstream.GetStream(), stop);
            _ = CopyAsync(upstream.GetStream(), client.GetStream(), stop);
        }

        public void Dispose()
        {
            client.Dispose();
            upstream.Dispose();
        }

        private async Task CopyAsync(NetworkStream from, NetworkStream to, CancellationToken stop)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.ReadAsync(buffer, stop).ConfigureAwait(false);
                    if (Silenced)
                    {
                        // Swallows what arrives and keeps both sockets open until the proxy is disposed.
                        await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
                    }

                    if (read == 0)
                    {
                        to.Socket.Shutdown(SocketShutdown.Send);
                        return;
                    }

                    await to.WriteAsync(buffer.AsMemory(0, read), stop).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
            {
                // The proxy was disposed or a side closed: this direction of the connection is over.
            }
        }
    }
}
