namespace ProctorWise.Api.Infrastructure;

/// <summary>Request rate limits per client address (configuration section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RateLimits";

    /// <summary>Login and registration requests per client address per minute.</summary>
    public int CredentialsPerMinute { get; set; } = 20;
}
