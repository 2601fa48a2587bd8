namespace ProctorWise.Grains.Options;

/// <summary>Per-address login lockout (configuration section <c>LoginThrottle</c>).</summary>
public sealed class LoginThrottleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "LoginThrottle";

    /// <summary>Failed attempts within <see cref="Window"/> that lock the address.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>The window in which failures are counted.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked address stays locked.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);
}
