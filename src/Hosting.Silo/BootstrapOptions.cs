namespace ProctorWise.Hosting.Silo;

/// <summary>The first administrator, created on an empty store (section <c>Bootstrap</c>).</summary>
public sealed class BootstrapOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Bootstrap";

    /// <summary>The shortest password the user grains accept (their rule is internal to them; a test keeps the two equal).</summary>
    public const int MinPasswordLength = 8;

    /// <summary>The admin's e-mail address (<c>Bootstrap__AdminEmail</c>).</summary>
    public string? AdminEmail { get; set; }

    /// <summary>The admin's password (<c>Bootstrap__AdminPassword</c>), at least 8 characters.</summary>
    public string? AdminPassword { get; set; }
}
