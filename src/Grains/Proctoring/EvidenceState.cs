using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Proctoring;

/// <summary>The persisted snapshot of an <see cref="EvidenceGrain"/>.</summary>
[GenerateSerializer, Alias("pw.evidence-state")]
public sealed class EvidenceState
{
    /// <summary>The snapshot, or null.</summary>
    [Id(0)] public Evidence? Evidence { get; set; }
}
