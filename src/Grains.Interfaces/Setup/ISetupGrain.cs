namespace ProctorWise.Grains.Interfaces.Setup;

/// <summary>
/// Prepares an empty store once per cluster (singleton, key <c>default</c>): the bootstrap admin
/// from configuration and, when enabled, the demo data. Every silo asks; the grain does it once.
/// </summary>
[Alias("pw.ISetupGrain")]
public interface ISetupGrain : IGrainWithStringKey
{
    /// <summary>Creates the configured admin account if the store has no user yet.</summary>
    [Alias("EnsureBootstrapAdmin")]
    Task<bool> EnsureBootstrapAdminAsync(string email, string password);

    /// <summary>Seeds the demo accounts, exam, slots and booking once, on an empty store.</summary>
    [Alias("EnsureDemoData")]
    Task<bool> EnsureDemoDataAsync(DemoDataRequest request);
}
