using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// The camera rules. No single frame raises anything: a condition must hold for the policy's seconds
/// (no face, looking away) or be seen in its number of consecutive frames (several faces, an object).
/// A check the server did not run (no model, frame shed under load, frame unchanged) neither advances nor resets a condition.
/// </summary>
internal sealed class FrameRules(ProctoringPolicy policy, AnomalyLedger ledger, ConditionTrackers trackers)
{
    public void Apply(FrameAnalysis frame, DateTimeOffset at)
    {
        trackers.LastFrameAt = at;
        ledger.Close(AnomalyType.WebcamStopped, at);
        if (frame.FaceCheck == CheckStatus.Ok)
        {
            var faces = frame.Faces;
            trackers.NoFaceSince = Held(AnomalyType.NoFace, faces.Count == 0, trackers.NoFaceSince, policy.NoFaceSeconds, at, confidence: null);
            var away = faces.Count == 1 && Math.Abs(faces[0].Yaw) >= policy.LookingAwayYaw;
            trackers.LookingAwaySince = Held(AnomalyType.LookingAway, away, trackers.LookingAwaySince, policy.LookingAwaySeconds, at, away ? faces[0].Score : null);

            // The weakest face that makes the count is how sure the detector is that there are several.
            var second = faces.Count >= 2 ? faces.Select(f => (double)f.Score).OrderDescending().ElementAt(1) : (double?)null;
            trackers.MultipleFaceFrames = Consecutive(AnomalyType.MultipleFaces, faces.Count >= 2, trackers.MultipleFaceFrames, policy.MultipleFacesFrames, faces.Count, null, second, at);
        }

        if (frame.ObjectCheck == CheckStatus.Ok)
        {
            // One person is the student: people count only from the second on.
            var people = frame.Objects.Where(o => o.Label == ProctoringRules.Person).ToList();
            var strongest = frame.Objects.Where(o => o.Label != ProctoringRules.Person).MaxBy(o => o.Score);
            var label = strongest?.Label ?? (people.Count >= 2 ? ProctoringRules.AnotherPerson : null);
            var score = strongest?.Score ?? (people.Count >= 2 ? people.Select(p => p.Score).OrderDescending().ElementAt(1) : (float?)null);
            trackers.ObjectFrames = Consecutive(AnomalyType.ObjectDetected, label is not null, trackers.ObjectFrames, policy.ObjectFrames, people.Count, label, score, at);
        }
    }

    /// <summary>The anomalies these rules raise from what the camera shows (not from frames that stop).</summary>
    public static bool IsCameraCondition(AnomalyType type) =>
        type is AnomalyType.NoFace or AnomalyType.LookingAway or AnomalyType.MultipleFaces or AnomalyType.ObjectDetected;

    /// <summary>A condition that must hold for some seconds; returns the new "since".</summary>
    private DateTimeOffset? Held(AnomalyType type, bool holds, DateTimeOffset? since, int seconds, DateTimeOffset at, double? confidence)
    {
        var open = ledger.Open(type);
        if (!holds)
        {
            ledger.Close(type, at);
            return null;
        }

        since ??= open?.StartedAt ?? at;
        if (open is not null)
        {
            ledger.Touch(open, at);
        }
        else if (at - since.Value >= TimeSpan.FromSeconds(seconds))
        {
            ledger.Start(type, SeverityTable.Initial(type), since.Value, at, evidence: true, confidence: confidence);
        }

        return since;
    }

    /// <summary>A condition that must be seen in consecutive frames; returns the new frame count.</summary>
    private int Consecutive(AnomalyType type, bool holds, int frames, int needed, int peak, string? label, double? confidence, DateTimeOffset at)
    {
        if (!holds)
        {
            ledger.Close(type, at);
            return 0;
        }

        frames++;
        var severity = SeverityTable.Initial(type, label: label);
        if (ledger.Open(type) is { } open)
        {
            open.Peak = Math.Max(open.Peak, peak);
            open.Frames = frames;
            open.Confidence = Max(open.Confidence, confidence);
            ledger.Touch(open, at);
            ledger.Escalate(open, severity);
        }
        else if (frames >= needed)
        {
            ledger.Start(type, severity, at, at, evidence: true, label, peak, frames, confidence);
        }

        return frames;
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
