namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>What a proctor grain pushes to dashboards at once: a burst of events becomes one batch.</summary>
/// <param name="Alerts">New or updated (acknowledged) alerts.</param>
/// <param name="Sessions">The latest state of each session that changed (older states are dropped).</param>
[GenerateSerializer, Immutable, Alias("pw.proctor-batch")]
public sealed record class ProctorBatch(IReadOnlyList<ProctorAlert> Alerts, IReadOnlyList<SessionLiveView> Sessions);
