using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.TestSupport;
using ProctorWise.Vision.Onnx;

namespace ProctorWise.Benchmarks.Vision;

/// <summary>
/// Cost of one webcam frame (320×240 JPEG) on one core: BlazeFace (decode + letterbox + inference +
/// anchors + NMS), the whole production path (analyzer worker + proctoring rules), and OpenCV's Haar
/// cascade on the same bytes.
/// </summary>
[MemoryDiagnoser]
public class FrameAnalysisBenchmarks : IDisposable
{
    private byte[] _jpeg = [];
    private BlazeFaceDetector? _blazeFace;
    private OnnxFrameAnalyzer? _analyzer;
    private HaarFaceDetector? _haar;
    private ProctoringRules? _rules;
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    /// <summary>Which frame: a face in view, or an empty room.</summary>
    [Params("face", "empty")]
    public string Frame { get; set; } = "face";

    [GlobalSetup]
    public void Setup()
    {
        _jpeg = Frame == "face" ? TestFrames.WebcamWithFace : TestFrames.WebcamEmpty;
        _blazeFace = new BlazeFaceDetector(File.ReadAllBytes(BenchmarkModels.Face), new VisionOptions());
        _analyzer = new OnnxFrameAnalyzer(Options.Create(new VisionOptions { FaceModelPath = BenchmarkModels.Face, Workers = 1 }), NullLogger<OnnxFrameAnalyzer>.Instance);
        _haar = new HaarFaceDetector(BenchmarkModels.HaarCascade);
        _rules = new ProctoringRules(ProctoringPolicy.Default, new ProctoringState(), new ConditionTrackers(), () => Guid.NewGuid().ToString("N"));
    }

    [Benchmark(Baseline = true, Description = "BlazeFace: decode + inference + decode boxes")]
    public int BlazeFace()
    {
        using var image = ImageCanvas.Decode(_jpeg);
        return _blazeFace!.Detect(image).Count;
    }

    [Benchmark(Description = "Production path: analyzer worker + rules")]
    public async Task<int> AnalyzerAndRules()
    {
        var analysis = await _analyzer!.AnalyzeAsync(_jpeg, FrameUrgency.Routine);
        _now = _now.AddSeconds(2);
        return _rules!.OnFrame(analysis, _now).Count + analysis.Faces.Count;
    }

    [Benchmark(Description = "OpenCV Haar cascade: decode + grey + detect")]
    public int HaarCascade() => _haar!.CountFaces(_jpeg);

    public void Dispose()
    {
        _blazeFace?.Dispose();
        _analyzer?.Dispose();
        _haar?.Dispose();
        GC.SuppressFinalize(this);
    }
}
