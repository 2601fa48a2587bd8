using System.Net;
using System.Net.Sockets;

namespace ProctorWise.TestSupport;

/// <summary>
/// Loopback ports nobody listens on, so test hosts (silos, gateways, Kestrel) never collide.
/// </summary>
/// <remarks>
/// Ports come from below the kernel's ephemeral range (Linux: 32768–60999). A port the kernel handed out for
/// "bind to 0" is an ephemeral one, and between our release and the silo's bind any outgoing connection
/// (a MariaDB client, another test assembly's HTTP call) may be given it as its local port — CI saw exactly that.
/// Below the range only an explicit bind can take a port. Each process starts at a random point of the band and
/// never hands out the same port twice; a port that does not bind now is skipped.
/// </remarks>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly Lock s_lock = new();
    private static int s_next = First + Random.Shared.Next(Last - First);

    /// <summary>A port that was free a moment ago and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (s_lock)
        {
            for (var tries = 0; tries < Last - First; tries++)
            {
                var port = s_next;
                s_next = s_next == Last ? First : s_next + 1;
                if (CanBind(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            // Taken by someone else: try the next one.
            return false;
        }
    }
}
