using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ProctorWise.Benchmarks.Vision;

// `recall` prints face counts of both detectors on the test photos; anything else goes to BenchmarkDotNet.
if (args is ["recall", ..])
{
    RecallReport.Print(Console.Out);
    return 0;
}

// In process: BenchmarkDotNet's generated project looks for a .csproj named after the assembly
// (ProctorWise.Benchmarks), which the repository's naming (bench/Benchmarks/Benchmarks.csproj) does not
// give it. The costs measured here are native (ONNX Runtime, Skia, OpenCV) and need no process isolation.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(FrameAnalysisBenchmarks).Assembly).Run(args, config);
return 0;
