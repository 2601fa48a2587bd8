using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// How far apart two frame thumbnails are: the mean brightness difference per cell and the share of cells that
/// changed by at least a level. Both matter: camera noise moves the mean a little everywhere (the thumbnail's
/// averaging over 10 × 10 pixels mostly removes it), a raised phone or a second face moves a few cells a lot.
/// </summary>
/// <param name="Mean">Mean absolute difference per cell, 0–255.</param>
/// <param name="ChangedFraction">Share of cells whose difference is at least the level, 0–1.</param>
internal readonly record struct ThumbnailDifference(double Mean, double ChangedFraction)
{
    /// <summary>Compares two thumbnails of the same size.</summary>
    public static ThumbnailDifference Between(FrameThumbnail a, FrameThumbnail b, int changedLevel)
    {
        var x = a.Luma;
        var y = b.Luma;
        if (x.Length != y.Length || x.Length == 0)
        {
            // Thumbnails of another size cannot be compared: as different as can be.
            return new ThumbnailDifference(255, 1);
        }

        long sum = 0;
        var changed = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = Math.Abs(x[i] - y[i]);
            sum += d;
            if (d >= changedLevel)
            {
                changed++;
            }
        }

        return new ThumbnailDifference((double)sum / x.Length, (double)changed / x.Length);
    }

    /// <summary>Near-identical: both figures within their limits.</summary>
    public bool IsWithin(double maxMean, double maxChangedFraction) => Mean <= maxMean && ChangedFraction <= maxChangedFraction;
}
