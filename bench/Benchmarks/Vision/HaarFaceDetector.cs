using OpenCvSharp;

namespace ProctorWise.Benchmarks.Vision;

/// <summary>OpenCV's Haar frontal-face cascade, the classic baseline the BlazeFace model is compared with.</summary>
internal sealed class HaarFaceDetector : IDisposable
{
    private readonly CascadeClassifier _cascade;

    public HaarFaceDetector(string cascadePath)
    {
        _cascade = new CascadeClassifier(cascadePath);
        if (_cascade.Empty())
        {
            throw new InvalidOperationException($"The cascade '{cascadePath}' did not load (run scripts/fetch-haar-cascade.sh).");
        }
    }

    /// <summary>Decodes the JPEG, converts to equalised grey and runs the cascade with OpenCV's usual settings.</summary>
    public int CountFaces(byte[] jpeg)
    {
        using var image = Cv2.ImDecode(jpeg, ImreadModes.Color);
        using var grey = new Mat();
        Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
        Cv2.EqualizeHist(grey, grey);
        return _cascade.DetectMultiScale(grey, 1.1, 5, HaarDetectionTypes.ScaleImage, new Size(20, 20)).Length;
    }

    public void Dispose() => _cascade.Dispose();
}
