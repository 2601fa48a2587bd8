namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>
/// A tiny grey picture of a frame (<see cref="Width"/> × <see cref="Height"/> luma, row by row), made cheaply from
/// the JPEG's coarsest scale. A session compares it with the thumbnail of its last analysed frame to tell a
/// near-identical frame, which need not be analysed again (docs/proctoring.md, "Unchanged frames").
/// </summary>
/// <param name="Luma">Brightness 0–255 of each cell, <see cref="Width"/> × <see cref="Height"/> bytes.</param>
[GenerateSerializer, Immutable, Alias("pw.frame-thumbnail")]
public sealed record class FrameThumbnail(byte[] Luma)
{
    /// <summary>Cells per row.</summary>
    public const int Width = 32;

    /// <summary>Rows.</summary>
    public const int Height = 24;

    /// <summary>Cells in all.</summary>
    public const int Cells = Width * Height;
}
