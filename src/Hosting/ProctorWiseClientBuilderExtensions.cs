using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using ProctorWise.Persistence.MariaDb;

namespace ProctorWise.Hosting;

/// <summary>Wiring of an Orleans client (an API process that does not co-host a silo).</summary>
public static class ProctorWiseClientBuilderExtensions
{
    /// <summary>Reads <see cref="HostingOptions"/> once and registers it for everything that runs later.</summary>
    public static HostingOptions AddProctorWiseHostingOptions(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(HostingOptions), out var existing))
        {
            return (HostingOptions)existing;
        }

        var options = HostingOptions.From(builder.Configuration);
        builder.Properties[typeof(HostingOptions)] = options;
        builder.Services.AddSingleton(Options.Create(options));
        return options;
    }

    /// <summary>Makes this process a client of the cluster named by the configuration.</summary>
    public static IHostApplicationBuilder AddProctorWiseClient(this IHostApplicationBuilder builder)
    {
        var options = builder.AddProctorWiseHostingOptions();
        builder.UseOrleansClient(client =>
        {
            client.UseProctorWiseCluster(options).AddProctorWiseDashboard(builder.Configuration);
            if (TelemetryOptions.From(builder.Configuration).TracesEnabled)
            {
                client.AddActivityPropagation();
            }
        });
        return builder;
    }

    /// <summary>
    /// Finds the cluster's gateways: localhost, or the MariaDB membership table. The client registers no
    /// stream provider: the API never publishes or subscribes; grains do.
    /// </summary>
    public static IClientBuilder UseProctorWiseCluster(this IClientBuilder client, HostingOptions options)
    {
        if (options.MariaDbConnectionString is { } connectionString)
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            return client.UseMariaDbClustering(connectionString);
        }

        return client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
    }
}
