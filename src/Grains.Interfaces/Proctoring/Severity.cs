namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>How much an anomaly matters to a proctor (and weighs in the risk score).</summary>
[GenerateSerializer, Alias("pw.severity")]
public enum Severity
{
    /// <summary>Worth recording.</summary>
    Low = 0,

    /// <summary>Worth a look.</summary>
    Medium = 1,

    /// <summary>Likely misconduct.</summary>
    High = 2,

    /// <summary>Act now.</summary>
    Critical = 3,
}
