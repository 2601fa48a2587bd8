using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// A session's memory for <see cref="FrameSkipPolicy"/>: the thumbnail of its last analysed frame and when it was
/// analysed. In memory only: after a reactivation the next frame is analysed.
/// </summary>
internal sealed class FrameSkipGate(FrameSkipOptions options)
{
    private FrameThumbnail? _admitted;
    private FrameThumbnail? _lastAnalysed;
    private DateTimeOffset? _lastAnalysedAt;

    public FrameDecision Admit(FrameThumbnail? thumbnail, DateTimeOffset now, bool conditionPending)
    {
        var decision = FrameSkipPolicy.Decide(options, thumbnail, _lastAnalysed, _lastAnalysedAt, now, conditionPending);

        // Frames of one session are at least a second apart, so the frame recorded next is this one.
        _admitted = decision == FrameDecision.Analyse ? thumbnail : null;
        return decision;
    }

    /// <summary>A frame came back: only one the face model really looked at becomes the new reference (a shed frame does not).</summary>
    public void Recorded(FrameAnalysis analysis, DateTimeOffset now)
    {
        if (analysis.FaceCheck != CheckStatus.Ok)
        {
            return;
        }

        _lastAnalysed = _admitted;
        _lastAnalysedAt = _admitted is null ? null : now;
        _admitted = null;
    }
}
