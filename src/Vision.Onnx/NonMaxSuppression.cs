namespace ProctorWise.Vision.Onnx;

/// <summary>
/// Non-maximum suppression. Weighted mode (MediaPipe's blending) merges the best candidate and those
/// overlapping it into their score-weighted mean, which steadies boxes and keypoints; the score kept is
/// the cluster's best. Candidates of different classes never suppress each other.
/// </summary>
internal static class NonMaxSuppression
{
    public static List<RawDetection> Apply(IEnumerable<RawDetection> candidates, float iouThreshold, bool weighted, int maxResults)
    {
        var remaining = candidates.OrderByDescending(d => d.Score).ToList();
        var result = new List<RawDetection>();
        while (remaining.Count > 0 && result.Count < maxResults)
        {
            var best = remaining[0];
            var cluster = new List<RawDetection>();
            var rest = new List<RawDetection>(remaining.Count);
            foreach (var d in remaining)
            {
                if (ReferenceEquals(d, best) || (d.ClassId == best.ClassId && BoxF.IoU(best.Box, d.Box) > iouThreshold))
                {
                    cluster.Add(d);
                }
                else
                {
                    rest.Add(d);
                }
            }

            result.Add(weighted ? Blend(cluster, best) : best);
            remaining = rest;
        }

        return result;
    }

    private static RawDetection Blend(List<RawDetection> cluster, RawDetection best)
    {
        if (cluster.Count == 1)
        {
            return best;
        }

        var keypointCount = best.Keypoints.Length;
        double sum = 0, x = 0, y = 0, w = 0, h = 0;
        var kx = new double[keypointCount];
        var ky = new double[keypointCount];
        foreach (var d in cluster)
        {
            double weight = d.Score;
            sum += weight;
            x += d.Box.X * weight;
            y += d.Box.Y * weight;
            w += d.Box.Width * weight;
            h += d.Box.Height * weight;
            for (var k = 0; k < keypointCount; k++)
            {
                kx[k] += d.Keypoints[k].X * weight;
                ky[k] += d.Keypoints[k].Y * weight;
            }
        }

        var keypoints = new PointF[keypointCount];
        for (var k = 0; k < keypointCount; k++)
        {
            keypoints[k] = new PointF((float)(kx[k] / sum), (float)(ky[k] / sum));
        }

        return best with { Box = new BoxF((float)(x / sum), (float)(y / sum), (float)(w / sum), (float)(h / sum)), Keypoints = keypoints };
    }
}
