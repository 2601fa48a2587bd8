namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// One evidence snapshot (key: <c>{sessionId}/{anomalyId}</c>). Written once by its session, read through
/// the session (which checks the reader's rights), deleted by the session's retention reminder.
/// </summary>
[Alias("pw.IEvidenceGrain")]
public interface IEvidenceGrain : IGrainWithStringKey
{
    /// <summary>Keeps the snapshot (the first write wins).</summary>
    [Alias("Store")]
    Task StoreAsync(Evidence snapshot);

    /// <summary>The snapshot, or null when none is kept (never stored or deleted by retention).</summary>
    [Alias("Get")]
    Task<Evidence?> GetAsync();

    /// <summary>Deletes the snapshot.</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
