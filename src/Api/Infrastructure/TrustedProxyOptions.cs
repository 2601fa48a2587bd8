namespace ProctorWise.Api.Infrastructure;

/// <summary>
/// The reverse proxies allowed to set the client's address and scheme through <c>X-Forwarded-For</c> /
/// <c>X-Forwarded-Proto</c> when forwarded headers are on (configuration section <c>ForwardedHeaders</c>).
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ForwardedHeaders";

    /// <summary>The framework's switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) that turns forwarded headers on.</summary>
    public const string EnabledKey = "ForwardedHeaders_Enabled";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c> or <c>::1</c>.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.42.0.0/16</c> (a cluster's pod network).</summary>
    public IList<string> KnownNetworks { get; set; } = [];
}
