using ProctorWise.Silo.Hosting;

namespace ProctorWise.WebApi.Hosting;

/// <summary>Chooses how the WebApi reaches the grains (configuration <c>Orleans:Hosting</c>).</summary>
public static class OrleansHostingExtensions
{
    /// <summary>The configuration key of the hosting mode.</summary>
    public const string HostingKey = "Orleans:Hosting";

    /// <summary><c>Silo</c> (default) co-hosts a silo in this process; <c>Client</c> connects to a cluster.</summary>
    public static IHostApplicationBuilder AddProctorWiseOrleans(this IHostApplicationBuilder builder)
    {
        var mode = builder.Configuration[HostingKey] ?? "Silo";
        if (mode.Equals("Silo", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddProctorWiseSilo();
        }
        else if (mode.Equals("Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client.UseProctorWiseCluster(builder.Configuration));
        }
        else
        {
            throw new InvalidOperationException($"{HostingKey} is '{mode}'; expected 'Silo' or 'Client'.");
        }

        return builder;
    }
}
