using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// A session's memory for <see cref="FrameSkipPolicy"/>: the thumbnail of its last analysed frame and when it was
/// analysed. In memory only: after a reactivation the next frame is analysed, as overdue.
/// </summary>
internal sealed class FrameSkipGate(FrameSkipOptions options)
{
    private bool _awaitingAnalysis;
    private FrameThumbnail? _admitted;
    private FrameThumbnail? _lastAnalysed;
    private DateTimeOffset? _lastAnalysedAt;

    public FrameDecision Admit(FrameThumbnail? thumbnail, DateTimeOffset now, bool conditionPending)
    {
        var decision = FrameSkipPolicy.Decide(options, thumbnail, _lastAnalysed, _lastAnalysedAt, now, conditionPending);

        // Frames of one session are at least a second apart, so the frame recorded next is this one.
        _awaitingAnalysis = decision != FrameDecision.Unchanged;
        _admitted = _awaitingAnalysis ? thumbnail : null;
        return decision;
    }

    /// <summary>
    /// A frame came back: only one the face model really looked at becomes the new reference and resets the clock of
    /// the last look (a shed or unchanged frame does neither). A frame without a thumbnail still counts as a look, but
    /// the next frame has nothing to be compared with, so it is analysed.
    /// </summary>
    public void Recorded(FrameAnalysis analysis, DateTimeOffset now)
    {
        if (analysis.FaceCheck != CheckStatus.Ok || !_awaitingAnalysis)
        {
            return;
        }

        (_lastAnalysed, _lastAnalysedAt) = (_admitted, now);
        (_admitted, _awaitingAnalysis) = (null, false);
    }
}
