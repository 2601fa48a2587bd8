using ProctorWise.Grains.Interfaces.Cluster;

namespace ProctorWise.Grains.Ports;

/// <summary>
/// Runs this silo's own checks (membership, grain storage, streams, lake, analytics engine) now, for the admin
/// platform page's health grid; the hosting layer implements it over its registered health checks.
/// </summary>
public interface ISiloReadiness
{
    Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken);
}
