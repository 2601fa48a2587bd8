namespace ProctorWise.Hosting.Silo;

/// <summary>Demo data on an empty store (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Demo";

    /// <summary>Seed the demo data; when unset, on in Development and off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string Password { get; set; } = "demo-password";

    /// <summary>How long after start-up the first demo slot opens.</summary>
    public TimeSpan FirstSlotDelay { get; set; } = TimeSpan.FromMinutes(3);
}
