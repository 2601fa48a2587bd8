namespace ProctorWise.Vision.Onnx;

/// <summary>
/// A yaw proxy from BlazeFace keypoints (right eye, left eye, nose tip, …): the nose tip's offset from
/// the eyes' midpoint along the eye axis, divided by the eye distance. About 0 facing the camera
/// (|yaw| ≤ 0.06 on the frontal test photo), 0.18 for a face turned about 20°; the sign gives the
/// direction. Roll-invariant because it is measured along the eye axis.
/// </summary>
internal static class HeadPose
{
    public static float Yaw(IReadOnlyList<PointF> keypoints)
    {
        var right = keypoints[0];
        var left = keypoints[1];
        var nose = keypoints[2];
        var ex = left.X - right.X;
        var ey = left.Y - right.Y;
        var length2 = (ex * ex) + (ey * ey);
        if (length2 < 1e-6f)
        {
            return 0;
        }

        var mx = (left.X + right.X) / 2;
        var my = (left.Y + right.Y) / 2;
        return (((nose.X - mx) * ex) + ((nose.Y - my) * ey)) / length2;
    }
}
