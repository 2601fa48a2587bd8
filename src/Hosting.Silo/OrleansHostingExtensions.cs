using Microsoft.Extensions.Hosting;

namespace ProctorWise.Hosting.Silo;

/// <summary>Chooses how an API process that can co-host a silo reaches the grains (<c>Orleans:Hosting</c>).</summary>
public static class OrleansHostingExtensions
{
    /// <summary><c>Silo</c> (default) co-hosts a silo in this process; <c>Client</c> connects to a cluster.</summary>
    public static IHostApplicationBuilder AddProctorWiseOrleans(this IHostApplicationBuilder builder) =>
        builder.AddProctorWiseHostingOptions().Mode == HostingMode.Silo ? builder.AddProctorWiseSilo() : builder.AddProctorWiseClient();
}
