using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Silo.Persistence;
using ProctorWise.Streaming.Kafka;

namespace ProctorWise.Silo.Hosting;

/// <summary>Wiring of an Orleans client (a WebApi that does not co-host a silo).</summary>
public static class ProctorWiseClientBuilderExtensions
{
    /// <summary>
    /// Finds the cluster's gateways (localhost, or the MariaDB membership table when configured) and
    /// registers the stream provider the client publishes to.
    /// </summary>
    public static IClientBuilder UseProctorWiseCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var endpoints = OrleansEndpointSettings.From(configuration);
        if (MariaDbSettings.ConnectionString(configuration) is { } connectionString)
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = endpoints.ClusterId;
                o.ServiceId = endpoints.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = MariaDbSettings.Invariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            client.UseLocalhostClustering(endpoints.GatewayPort, endpoints.ServiceId, endpoints.ClusterId);
        }

        if (StreamingSettings.UsesKafka(configuration))
        {
            client.AddKafkaStreams(StreamProviders.Default, o => StreamingSettings.Apply(o, configuration));
        }
        else
        {
            client.AddMemoryStreams(StreamProviders.Default);
        }
        return client;
    }
}
