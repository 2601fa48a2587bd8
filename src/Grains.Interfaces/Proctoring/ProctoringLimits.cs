namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// The proctoring limits, in one place. The grains enforce them (400/413/429 through their errors); the HTTP
/// layer uses <see cref="MaxFrameBytes"/> only to stop reading an oversized body early.
/// </summary>
public static class ProctoringLimits
{
    /// <summary>The largest frame accepted.</summary>
    public const int MaxFrameBytes = 512 * 1024;

    /// <summary>Frames closer together than this are refused (429): the client sends one every ~2 s.</summary>
    public static readonly TimeSpan MinFrameInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest warning message or termination reason.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The fewest extra minutes a supervisor can give.</summary>
    public const int MinExtensionMinutes = 1;

    /// <summary>The most extra minutes one extension can give.</summary>
    public const int MaxExtensionMinutes = 240;
}
