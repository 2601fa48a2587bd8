using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Ports;

/// <summary>
/// Where evidence frames are kept, outside grain state (a frame is up to 512 KB, 50 per session): the
/// session grain keeps only the fact that an anomaly has one. Ids are the server's own (never a path from a
/// request); implementations refuse anything else. A folder by default; an object store or HDFS can implement it.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Keeps the frame of an anomaly; the first save wins, a repeated one changes nothing.</summary>
    Task SaveAsync(string sessionId, string anomalyId, byte[] jpeg, DateTimeOffset capturedAt, CancellationToken cancellationToken = default);

    /// <summary>The frame, or null when none is kept (never saved, or removed by retention).</summary>
    Task<Evidence?> ReadAsync(string sessionId, string anomalyId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every frame captured before <paramref name="cutoff"/>; returns how many went.</summary>
    Task<int> DeleteCapturedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
