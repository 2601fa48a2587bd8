using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.Grains.Options;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// Whether a frame must be analysed (docs/proctoring.md, "Unchanged frames"). It is skipped only when all hold:
/// skipping is enabled; the frame and the last analysed frame both have thumbnails and they are near-identical;
/// no camera condition is pending (a pending condition must see every frame to start or end its anomaly); and the
/// last analysis is younger than <see cref="FrameSkipOptions.MaxInterval"/>, so a frozen picture is looked at again.
/// A session with no analysed frame for that long, or none yet, is overdue (<see cref="FrameDecision.Overdue"/>) whether
/// skipping is enabled or not: its frame goes ahead of routine ones when the vision workers fall behind, which bounds
/// the gap between two looks at a camera under load too.
/// </summary>
internal static class FrameSkipPolicy
{
    public static FrameDecision Decide(
        FrameSkipOptions options, FrameThumbnail? frame, FrameThumbnail? lastAnalysed, DateTimeOffset? lastAnalysedAt, DateTimeOffset now, bool conditionPending)
    {
        if (lastAnalysedAt is null || now - lastAnalysedAt.Value >= options.MaxInterval)
        {
            return FrameDecision.Overdue;
        }

        // A clock that went backwards (another silo) says nothing about freshness: analyse.
        if (!options.Enabled || conditionPending || frame is null || lastAnalysed is null || now < lastAnalysedAt.Value)
        {
            return FrameDecision.Analyse;
        }

        return ThumbnailDifference.Between(frame, lastAnalysed, options.ChangedCellLevel).IsWithin(options.MaxMeanDifference, options.MaxChangedFraction)
            ? FrameDecision.Unchanged
            : FrameDecision.Analyse;
    }

    /// <summary>A camera condition is pending: one is being timed or counted, or a camera anomaly is open.</summary>
    public static bool ConditionPending(ConditionTrackers trackers, ProctoringState state) =>
        trackers.NoFaceSince is not null || trackers.LookingAwaySince is not null || trackers.MultipleFaceFrames > 0 || trackers.ObjectFrames > 0
        || state.Anomalies.Exists(a => a.IsOpen && FrameRules.IsCameraCondition(a.Type));
}
