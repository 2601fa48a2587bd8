using System.Net;
using Microsoft.Extensions.Options;

namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// Refuses proxy entries that do not parse, and forwarded headers switched on with no proxy listed: the
/// framework then trusts every sender, so any client could pick its own address and walk past the login
/// lockout and the per-address rate limits. Each failure names its configuration key.
/// </summary>
public sealed class TrustedProxyOptionsValidator(IConfiguration configuration) : IValidateOptions<TrustedProxyOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var section = TrustedProxyOptions.Section;
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{section}:KnownProxies:{i} is '{options.KnownProxies[i]}'; expected an IP address such as 10.0.0.5 or ::1.");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{section}:KnownNetworks:{i} is '{options.KnownNetworks[i]}'; expected a network in CIDR notation such as 10.42.0.0/16.");
            }
        }

        if (TrustedProxies.ForwardedHeadersEnabled(configuration) && options.KnownProxies.Count == 0 && options.KnownNetworks.Count == 0)
        {
            failures.Add($"Forwarded headers are on (ASPNETCORE_FORWARDEDHEADERS_ENABLED) but {section}:KnownProxies and {section}:KnownNetworks are empty; "
                + "list the reverse proxies allowed to set the client's address (e.g. 127.0.0.1 for a proxy on this host).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
