using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Forwarded headers (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>) trust only the configured proxies.
/// The framework's switch empties its lists of known proxies and networks, and empty lists make the
/// middleware accept <c>X-Forwarded-For</c> from anyone; this puts the configured ones back.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Registers the options and the proxy lists of the forwarded-headers middleware.</summary>
    public static IServiceCollection AddProctorWiseTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedProxyOptions>().Bind(configuration.GetSection(TrustedProxyOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>());

        // After the framework's own setup, which runs as a Configure step and clears both lists.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<TrustedProxyOptions>>((options, trusted) =>
        {
            var proxies = trusted.Value;
            if (proxies.KnownProxies.Count == 0 && proxies.KnownNetworks.Count == 0)
            {
                // Nothing configured: the validator stops the start when forwarded headers are on, so these
                // lists only matter to a middleware added some other way; never leave them empty.
                if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
                {
                    options.KnownProxies.Add(IPAddress.IPv6Loopback);
                    options.KnownIPNetworks.Add(new IPNetwork(IPAddress.Loopback, 8));
                }

                return;
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // Entries that do not parse are skipped here; the validator has already stopped the start for them.
            foreach (var proxy in proxies.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
            }

            foreach (var network in proxies.KnownNetworks)
            {
                if (IPNetwork.TryParse(network, out var parsed))
                {
                    options.KnownIPNetworks.Add(parsed);
                }
            }
        });
        return services;
    }

    /// <summary>Whether the framework's forwarded-headers switch is on.</summary>
    public static bool ForwardedHeadersEnabled(IConfiguration configuration) =>
        string.Equals(configuration[TrustedProxyOptions.EnabledKey], "true", StringComparison.OrdinalIgnoreCase);
}
