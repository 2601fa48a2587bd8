using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ProctorWise.Hosting.Silo;

/// <summary>A port the process listens on besides Orleans' own (the silo executable's HTTP port), checked with them.</summary>
/// <param name="Key">The configuration key that sets it, named in the error.</param>
/// <param name="Endpoint">The address and port that will be bound.</param>
public sealed record RequiredPort(string Key, IPEndPoint Endpoint);

/// <summary>
/// Before anything starts (<see cref="IHostedLifecycleService.StartingAsync"/> runs ahead of every hosted
/// service's start), binds and releases each endpoint the silo will listen on. A second silo started on
/// ports in use thus stops at once with <see cref="PortUnavailableException"/> naming the port and its key,
/// instead of joining membership half-way and failing later on an Orleans socket error.
/// </summary>
internal sealed class PortAvailabilityCheck(IOptions<EndpointOptions> endpoints, IEnumerable<RequiredPort> others) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var port in Ports())
        {
            Probe(port);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<RequiredPort> Ports()
    {
        // The endpoints Orleans listens on: the listening endpoint if set, else the advertised address and port.
        var options = endpoints.Value;
        yield return new RequiredPort("Orleans:Endpoints:SiloPort", options.SiloListeningEndpoint ?? new IPEndPoint(options.AdvertisedIPAddress, options.SiloPort));
        if (options.GatewayListeningEndpoint is { } gateway)
        {
            yield return new RequiredPort("Orleans:Endpoints:GatewayPort", gateway);
        }
        else if (options.GatewayPort != 0)
        {
            yield return new RequiredPort("Orleans:Endpoints:GatewayPort", new IPEndPoint(options.AdvertisedIPAddress, options.GatewayPort));
        }

        foreach (var other in others)
        {
            yield return other;
        }
    }

    private static void Probe(RequiredPort port)
    {
        using var socket = new Socket(port.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (port.Endpoint.Address.Equals(IPAddress.IPv6Any))
        {
            // As Kestrel listens on [::]: IPv4 too, so an IPv4 listener on the port counts as taken.
            socket.DualMode = true;
        }

        try
        {
            socket.Bind(port.Endpoint);
        }
        catch (SocketException e)
        {
            throw new PortUnavailableException(port.Key, port.Endpoint, e);
        }
    }
}
