using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Vision;

/// <inheritdoc cref="IFrameAnalysisGrain"/>
/// <remarks>
/// A stateless, reentrant worker: calls reach the silo's single <see cref="IFrameAnalyzer"/> at once
/// (inference runs on the thread pool, off the grain), so its bounded queue, not an unbounded grain
/// mailbox, decides what waits and what is skipped under load.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class FrameAnalysisGrain(IFrameAnalyzer analyzer) : Grain, IFrameAnalysisGrain
{
    public async Task<FrameAnalysis> AnalyzeAsync(byte[] jpeg)
    {
        if (analyzer.Status.FaceCheck != CheckStatus.Ok)
        {
            throw new ProctorWiseException(ErrorKind.Unavailable, "Face analysis is unavailable on this server: " + analyzer.Status.FaceDetail);
        }

        return await analyzer.AnalyzeAsync(jpeg);
    }

    public Task<VisionStatus> GetStatusAsync() => Task.FromResult(analyzer.Status);
}
