namespace ProctorWise.Grains.Interfaces.Names;

/// <summary>
/// The clock of business rules (slot windows, deadlines, lockouts), resolved as a keyed
/// <see cref="TimeProvider"/> so tests can move it without also moving Orleans' own timers
/// (membership, messaging), which read the unkeyed provider.
/// </summary>
public static class DomainClock
{
    /// <summary>The service key of the domain clock.</summary>
    public const string Key = "ProctorWise.Domain";
}
