using Orleans.Concurrency;
using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Sessions;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Vision;

/// <inheritdoc cref="IFrameIntakeGrain"/>
/// <remarks>
/// Stateless and reentrant: it only sequences three calls, so one activation per silo serves every frame at
/// once, and the analysis runs next to the caller instead of inside the session grain (which stays free for
/// signals and answers while a frame is analysed).
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class FrameIntakeGrain : Grain, IFrameIntakeGrain
{
    public async Task<FrameAnalysis> SubmitAsync(Caller caller, string sessionId, byte[] jpeg)
    {
        if (jpeg.Length > ProctoringLimits.MaxFrameBytes)
        {
            throw ProctorWiseException.Invalid("frame", $"Frames are at most {ProctoringLimits.MaxFrameBytes / 1024} KB.");
        }

        var session = GrainFactory.GetGrain<IExamSessionGrain>(sessionId);
        await session.BeginFrameAsync(caller);
        var analysis = await GrainFactory.GetGrain<IFrameAnalysisGrain>(0).AnalyzeAsync(jpeg);
        await session.RecordFrameAsync(caller, analysis, jpeg);
        return analysis;
    }
}
