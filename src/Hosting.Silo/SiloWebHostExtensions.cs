using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProctorWise.Hosting.Silo;

/// <summary>
/// The silo executable's small HTTP side, for probes and scrapers: <c>/health/live</c>, <c>/health/ready</c>
/// (this silo Active in membership, its storage and streams answering) and <c>/metrics</c>.
/// </summary>
public static class SiloWebHostExtensions
{
    /// <summary>The key of the HTTP port.</summary>
    public const string HttpPortKey = "Silo:HttpPort";

    /// <summary>The HTTP port when <see cref="HttpPortKey"/> is not set (the port .NET container images expose).</summary>
    public const int DefaultHttpPort = 8080;

    /// <summary>
    /// Kestrel on <see cref="HttpPortKey"/> on every interface (a probe reaches a pod on its own IP, never
    /// loopback), and metrics. The port replaces <c>urls</c>/<c>ASPNETCORE_HTTP_PORTS</c>, so one key sets it.
    /// </summary>
    public static WebApplicationBuilder AddProctorWiseSiloEndpoints(this WebApplicationBuilder builder)
    {
        var port = HttpPort(builder.Configuration[HttpPortKey]);
        builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(port));
        var any = Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any;
        builder.Services.AddSingleton(new RequiredPort(HttpPortKey, new IPEndPoint(any, port)));
        builder.Services.AddProctorWiseHealthChecks(builder.Configuration);
        builder.AddProctorWiseTelemetry();
        return builder;
    }

    /// <summary>Maps the health and metrics endpoints.</summary>
    public static WebApplication MapProctorWiseSiloEndpoints(this WebApplication app)
    {
        app.MapProctorWiseHealth();
        app.MapProctorWiseMetrics();
        return app;
    }

    private static int HttpPort(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DefaultHttpPort;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new OptionsValidationException(HttpPortKey, typeof(int), [$"{HttpPortKey} is '{text}'; expected a port between 1 and 65535."]);
    }
}
