using System.Net;
using System.Net.Sockets;

namespace ProctorWise.TestSupport;

/// <summary>Loopback ports nobody listens on, so test hosts (silos, gateways, Kestrel) never collide.</summary>
public static class FreePorts
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
