using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Grains.Vision;

/// <inheritdoc cref="IFrameIntakeGrain"/>
/// <remarks>
/// Stateless and reentrant: it only sequences three calls, so one activation per silo serves every frame at
/// once, and the analysis runs next to the caller instead of inside the session grain (which stays free for
/// signals and answers while a frame is analysed). The session decides from a tiny thumbnail whether the frame
/// needs the models at all (docs/proctoring.md, "Unchanged frames") and whether it is overdue for a look; a skipped
/// frame is answered <see cref="CheckStatus.Unchanged"/>, never with the previous result.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class FrameIntakeGrain(IFrameAnalyzer analyzer, VisionMetrics metrics) : Grain, IFrameIntakeGrain
{
    public async Task<FrameAnalysis> SubmitAsync(Caller caller, string sessionId, byte[] jpeg)
    {
        if (jpeg.Length > ProctoringLimits.MaxFrameBytes)
        {
            throw ProctorWiseException.Invalid("frame", $"Frames are at most {ProctoringLimits.MaxFrameBytes / 1024} KB.");
        }

        var session = GrainFactory.GetGrain<IExamSessionGrain>(sessionId);
        var decision = await session.AdmitFrameAsync(caller, analyzer.Thumbnail(jpeg));
        var analysis = decision == FrameDecision.Unchanged
            ? Unchanged()
            : await GrainFactory.GetGrain<IFrameAnalysisGrain>(0).AnalyzeAsync(jpeg, decision == FrameDecision.Overdue ? FrameUrgency.Overdue : FrameUrgency.Routine);
        metrics.Count(analysis.FaceCheck);
        await session.RecordFrameAsync(caller, analysis, jpeg);
        return analysis;
    }

    private FrameAnalysis Unchanged() =>
        new(0, 0, [], [], CheckStatus.Unchanged, analyzer.Status.ObjectCheck == CheckStatus.Ok ? CheckStatus.Unchanged : CheckStatus.Unavailable);
}
