using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// A session's evidence frames: the frame that opened an anomaly goes to the <see cref="IEvidenceStore"/>,
/// up to the per-session limit; the anomaly keeps only when it was captured. Frames older than the
/// retention are removed by the one periodic sweep (<see cref="Proctoring.EvidenceRetentionGrain"/>), so
/// they are never offered once due.
/// </summary>
internal sealed class EvidenceKeeper(string sessionId, IEvidenceStore store, ExamSessionOptions options, TimeProvider clock)
{
    public async Task KeepAsync(IEnumerable<AnomalyChange> changes, ProctoringState state, byte[]? jpeg)
    {
        if (jpeg is null)
        {
            return;
        }

        foreach (var change in changes.Where(c => c.NeedsEvidence))
        {
            if (state.Anomalies.Count(a => a.HasEvidence) >= options.MaxEvidencePerSession)
            {
                return;
            }

            var now = clock.GetUtcNow();
            await store.SaveAsync(sessionId, change.Anomaly.Id, jpeg, now);
            change.Anomaly.HasEvidence = true;
            change.Anomaly.EvidenceCapturedAt = now;
        }
    }

    /// <summary>True while the anomaly's frame is kept (captured and not yet due for the sweep).</summary>
    public bool IsKept(AnomalyRecord anomaly) =>
        anomaly.HasEvidence && (anomaly.EvidenceCapturedAt is not { } at || clock.GetUtcNow() - at < options.EvidenceRetention);

    public Task<Evidence?> ReadAsync(AnomalyRecord anomaly) =>
        IsKept(anomaly) ? store.ReadAsync(sessionId, anomaly.Id) : Task.FromResult<Evidence?>(null);
}
