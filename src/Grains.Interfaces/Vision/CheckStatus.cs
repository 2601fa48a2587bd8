namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>Whether a vision check ran.</summary>
[GenerateSerializer, Alias("pw.check-status")]
public enum CheckStatus
{
    /// <summary>The check ran.</summary>
    Ok = 0,

    /// <summary>The check is not configured or its model is missing; its absence is reported, never faked.</summary>
    Unavailable = 1,
}
