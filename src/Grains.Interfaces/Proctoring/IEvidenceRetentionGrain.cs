namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// The one periodic sweep that deletes evidence frames older than the retention (key: <c>default</c>). Its
/// reminder survives restarts; every silo asks for it at start, which is idempotent.
/// </summary>
[Alias("pw.IEvidenceRetentionGrain")]
public interface IEvidenceRetentionGrain : IGrainWithStringKey
{
    /// <summary>Registers the sweep's reminder (idempotent).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Deletes the frames that are due now; returns how many went.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
