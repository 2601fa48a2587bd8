using Microsoft.Extensions.Configuration;

namespace ProctorWise.Silo.Hosting;

/// <summary>Wiring of an Orleans client (a WebApi that does not co-host a silo).</summary>
public static class ProctorWiseClientBuilderExtensions
{
    /// <summary>Connects to the cluster's gateways and registers the stream provider the client publishes to.</summary>
    public static IClientBuilder UseProctorWiseCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var endpoints = OrleansEndpointSettings.From(configuration);
        client.UseLocalhostClustering(endpoints.GatewayPort, endpoints.ServiceId, endpoints.ClusterId);
        client.AddMemoryStreams(Grains.Interfaces.Names.StreamProviders.Default);
        return client;
    }
}
