namespace ProctorWise.Grains.Health;

/// <summary>The probe's persisted value.</summary>
[GenerateSerializer, Alias("pw.health-probe-state")]
public sealed class HealthProbeState
{
    /// <summary>Incremented by every probe.</summary>
    [Id(0)] public long Round { get; set; }
}
