namespace ProctorWise.Grains.Interfaces.Health;

/// <summary>
/// The readiness probe of grain storage: each call writes a new value through the configured grain
/// storage and reads it back from the store, so a database that stopped answering fails readiness even
/// while every other grain still serves from memory.
/// </summary>
[Alias("pw.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Writes and re-reads the probe's state; returns how long the round trip took.</summary>
    [Alias("ProbeStorage")]
    Task<TimeSpan> ProbeStorageAsync();
}
