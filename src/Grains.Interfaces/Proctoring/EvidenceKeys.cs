namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>Keys of <see cref="IEvidenceGrain"/>s.</summary>
public static class EvidenceKeys
{
    /// <summary>The key of an anomaly's snapshot.</summary>
    public static string For(string sessionId, string anomalyId) => $"{sessionId}/{anomalyId}";
}
