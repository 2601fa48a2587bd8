namespace ProctorWise.Grains.Interfaces.Cluster;

/// <summary>
/// One per silo, keyed by the silo's address (<c>SiloAddress.ToParsableString()</c>) and placed on that silo, so it
/// reports what only that process knows: the stream queues it owns and their Kafka lag (the admin Cluster page).
/// </summary>
[Alias("pw.ISiloProbeGrain")]
public interface ISiloProbeGrain : IGrainWithStringKey
{
    /// <summary>The silo's own report.</summary>
    [Alias("Report")]
    Task<SiloReport> ReportAsync();

    /// <summary>Runs the silo's own checks now (membership, storage, streams, lake, analytics engine), for the platform page.</summary>
    [Alias("CheckReadiness")]
    Task<IReadOnlyList<ReadinessCheck>> CheckReadinessAsync();
}
