using System.Net;
using System.Net.Sockets;

namespace ProctorWise.Hosting.Silo;

/// <summary>A port this process must listen on cannot be bound; the message names the port and the key that sets it.</summary>
public sealed class PortUnavailableException : Exception
{
    /// <summary>Describes why <paramref name="endpoint"/>, set by <paramref name="key"/>, cannot be bound.</summary>
    public PortUnavailableException(string key, IPEndPoint endpoint, SocketException inner)
        : base(Describe(key, endpoint, inner), inner)
    {
        Key = key;
        Endpoint = endpoint;
    }

    /// <summary>The configuration key that sets the port.</summary>
    public string Key { get; }

    /// <summary>The endpoint that could not be bound.</summary>
    public IPEndPoint Endpoint { get; }

    private static string Describe(string key, IPEndPoint endpoint, SocketException inner) => inner.SocketErrorCode == SocketError.AddressAlreadyInUse
        ? $"Port {endpoint.Port} ({key}) is already in use on {endpoint.Address}: another process (another silo on this machine?) listens on it. Stop it or set {key} to a free port."
        : $"Port {endpoint.Port} ({key}) cannot be bound on {endpoint.Address}: {inner.Message}. Check {key} and {HostingOptions.AdvertisedAddressKey}.";
}
