using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Vision;

/// <inheritdoc cref="IFrameAnalysisGrain"/>
/// <remarks>
/// A stateless worker: Orleans runs as many local activations as there are concurrent calls (up to the
/// core count), each sharing the silo's single <see cref="IFrameAnalyzer"/> and its loaded model.
/// </remarks>
[StatelessWorker]
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
