using BenchmarkDotNet.Running;
using ProctorWise.Benchmarks.Vision;

// `recall` prints face counts of both detectors on the test photos; anything else goes to BenchmarkDotNet.
if (args is ["recall", ..])
{
    RecallReport.Print(Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(FrameAnalysisBenchmarks).Assembly).Run(args);
return 0;
