namespace ProctorWise.Grains.Options;

/// <summary>
/// When a near-identical webcam frame is not analysed again (configuration section <c>Vision:Skip</c>;
/// docs/proctoring.md, "Unchanged frames"). A frame is compared with the session's last analysed frame through
/// 32 × 24 grey thumbnails; it is skipped only while no camera condition is pending and never for longer than
/// <see cref="MaxInterval"/>.
/// </summary>
public sealed class FrameSkipOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Vision:Skip";

    /// <summary>Skip near-identical frames; false analyses every frame (as before, and for comparisons).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest time a session's frames go without one being analysed while frames arrive: a student cannot
    /// freeze the picture for longer. A frame arriving this long after the last analysed one is analysed.
    /// </summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest mean brightness difference (0–255 per cell) between two thumbnails that still counts as near-identical.</summary>
    public double MaxMeanDifference { get; set; } = 4;

    /// <summary>
    /// Largest share of cells that changed by more than <see cref="ChangedCellLevel"/> for two thumbnails to count as
    /// near-identical: a small local change (a phone raised, a second face at the edge) shows here even when the mean barely moves.
    /// </summary>
    public double MaxChangedFraction { get; set; } = 0.01;

    /// <summary>Brightness difference (0–255) from which a cell counts as changed.</summary>
    public int ChangedCellLevel { get; set; } = 20;
}
