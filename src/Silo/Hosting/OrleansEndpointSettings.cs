using System.Net;
using Microsoft.Extensions.Configuration;

namespace ProctorWise.Silo.Hosting;

/// <summary>
/// The cluster identity and endpoints, read under Orleans' own option names so operators can use
/// <c>Orleans__ClusterId</c>, <c>Orleans__Endpoints__SiloPort</c>, … to run several silos on one host.
/// </summary>
internal sealed record OrleansEndpointSettings(string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPEndPoint? PrimarySilo, IPAddress AdvertisedAddress)
{
    public static OrleansEndpointSettings From(IConfiguration configuration)
    {
        var orleans = configuration.GetSection("Orleans");
        var primaryPort = orleans.GetValue<int?>("Endpoints:PrimarySiloPort");
        var advertised = orleans["Endpoints:AdvertisedIPAddress"] is { Length: > 0 } text
            ? IPAddress.Parse(text)
            : IPAddress.Loopback;
        return new OrleansEndpointSettings(
            orleans["ClusterId"] ?? "proctorwise",
            orleans["ServiceId"] ?? "proctorwise",
            orleans.GetValue("Endpoints:SiloPort", 11111),
            orleans.GetValue("Endpoints:GatewayPort", 30000),
            primaryPort is { } port ? new IPEndPoint(IPAddress.Loopback, port) : null,
            advertised);
    }
}
