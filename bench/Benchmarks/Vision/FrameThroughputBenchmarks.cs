using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.TestSupport;
using ProctorWise.Vision.Onnx;

namespace ProctorWise.Benchmarks.Vision;

/// <summary>
/// Frames per second of the production analyzer with one worker per core, all busy: the time per
/// operation is the time per frame at full load, so frames/s = 1 / that. The queue is deep enough that
/// no frame is shed (the app's default keeps one core for the alert path and sheds beyond 2 waiting
/// frames per worker; this measures the raw capacity).
/// </summary>
[MemoryDiagnoser]
public class FrameThroughputBenchmarks : IDisposable
{
    private const int Batch = 64;
    private OnnxFrameAnalyzer? _analyzer;

    [GlobalSetup]
    public void Setup() =>
        _analyzer = new OnnxFrameAnalyzer(Options.Create(new VisionOptions { FaceModelPath = BenchmarkModels.Face, Workers = Environment.ProcessorCount, MaxQueueWait = VisionOptionsValidator.MaxQueueWaitLimit }), NullLogger<OnnxFrameAnalyzer>.Instance);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Analyzer, all cores, per frame")]
    public async Task AllCores()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Batch).Select(i => _analyzer!.AnalyzeAsync(i % 2 == 0 ? TestFrames.WebcamWithFace : TestFrames.WebcamEmpty, FrameUrgency.Routine)));
        if (Array.Exists(results, r => r.FaceCheck != CheckStatus.Ok))
        {
            throw new InvalidOperationException("A frame was not analysed: the benchmark would measure shedding, not inference.");
        }
    }

    public void Dispose()
    {
        _analyzer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
