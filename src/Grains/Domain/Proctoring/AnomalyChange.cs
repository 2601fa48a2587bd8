namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>A change produced by the rules.</summary>
/// <param name="Anomaly">The anomaly after the change.</param>
/// <param name="Kind">What happened.</param>
/// <param name="NeedsEvidence">True when the triggering frame should be kept as evidence.</param>
public sealed record AnomalyChange(AnomalyRecord Anomaly, AnomalyChangeKind Kind, bool NeedsEvidence = false)
{
    /// <summary>True when proctors must be alerted.</summary>
    public bool Alerts => Kind is AnomalyChangeKind.Opened or AnomalyChangeKind.Escalated;
}
