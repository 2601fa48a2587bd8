using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ProctorWise.Grains.Tests.Notifications;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package, in process) that a test can take down, bring back,
/// or replace by a listener that accepts connections and never answers, all on the same port.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly Store _store = new();
    private CancellationTokenSource? _running;
    private Task? _server;
    private TcpListener? _silent;
    private readonly List<TcpClient> _held = [];

    /// <summary>The port.</summary>
    public int Port { get; } = TestSupport.FreePorts.Next();

    /// <summary>Every message received, in order.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    /// <summary>The messages received for one address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _store.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Starts answering (again, after <see cref="DownAsync"/> or <see cref="SilentAsync"/>).</summary>
    public async Task UpAsync()
    {
        await StopAsync();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(_store);
        _running = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    /// <summary>Nothing listens: connections are refused.</summary>
    public Task DownAsync() => StopAsync();

    /// <summary>Accepts connections and never says a word (no greeting): the client must time out.</summary>
    public async Task SilentAsync()
    {
        await StopAsync();
        _silent = new TcpListener(IPAddress.Loopback, Port);
        _silent.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await _silent.AcceptTcpClientAsync();
                    lock (_held)
                    {
                        _held.Add(client);
                    }
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The listener was stopped.
            }
        });
    }

    private async Task StopAsync()
    {
        if (_running is not null)
        {
            await _running.CancelAsync();
            try
            {
                await _server!;
            }
            catch (OperationCanceledException)
            {
                // Cancelling is how the server is stopped.
            }

            _running.Dispose();
            _running = null;
        }

        _silent?.Stop();
        _silent = null;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
            _held.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
