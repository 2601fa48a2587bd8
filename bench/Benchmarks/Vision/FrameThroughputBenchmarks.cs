using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProctorWise.Silo.Adapters.Vision;
using ProctorWise.TestSupport;

namespace ProctorWise.Benchmarks.Vision;

/// <summary>
/// Frames per second of the production analyzer with one worker per core, all busy: the time per
/// operation is the time per frame at full load, so frames/s = 1 / that.
/// </summary>
[MemoryDiagnoser]
public class FrameThroughputBenchmarks : IDisposable
{
    private const int Batch = 64;
    private OnnxFrameAnalyzer? _analyzer;

    [GlobalSetup]
    public void Setup() =>
        _analyzer = new OnnxFrameAnalyzer(Options.Create(new VisionOptions { FaceModelPath = BenchmarkModels.Face }), NullLogger<OnnxFrameAnalyzer>.Instance);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Analyzer, all cores, per frame")]
    public Task AllCores() =>
        Task.WhenAll(Enumerable.Range(0, Batch).Select(i => _analyzer!.AnalyzeAsync(i % 2 == 0 ? TestFrames.WebcamWithFace : TestFrames.WebcamEmpty)));

    public void Dispose()
    {
        _analyzer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
