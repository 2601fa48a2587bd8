using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Vision;

/// <inheritdoc cref="IFrameAnalysisGrain"/>
/// <remarks>
/// A stateless, reentrant worker: calls reach the silo's single <see cref="IFrameAnalyzer"/> at once
/// (inference runs on its own worker threads, off the grain), so its bounded queue, not an unbounded
/// grain mailbox, decides what waits and what is skipped under load. Without a face model the frame is
/// still accepted as proof that the camera is alive, with both checks reported <c>unavailable</c>
/// (never a made-up result); <c>/health/ready</c> fails and says how to get the model.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class FrameAnalysisGrain(IFrameAnalyzer analyzer) : Grain, IFrameAnalysisGrain
{
    private static readonly FrameAnalysis s_unavailable = new(0, 0, [], [], CheckStatus.Unavailable, CheckStatus.Unavailable);

    public async Task<FrameAnalysis> AnalyzeAsync(byte[] jpeg, FrameUrgency urgency) =>
        analyzer.Status.FaceCheck == CheckStatus.Ok ? await analyzer.AnalyzeAsync(jpeg, urgency) : s_unavailable;

    public Task<VisionStatus> GetStatusAsync() => Task.FromResult(analyzer.Status);
}
