using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// The temporal rules that turn detections and browser signals into anomalies (docs/proctoring.md).
/// No single frame raises anything: a frame condition must hold for the policy's seconds or frames.
/// A continuing or quickly repeated condition extends one anomaly instead of firing again; only a new
/// anomaly or a rise in severity alerts proctors. Times are the server's.
/// </summary>
internal sealed class ProctoringRules(ProctoringPolicy policy, ProctoringState state, ConditionTrackers trackers, Func<string> newId)
{
    /// <summary>A repeat within this time of the previous occurrence's end joins the same anomaly.</summary>
    public static readonly TimeSpan MergeWindow = TimeSpan.FromSeconds(30);

    /// <summary>Pastes in one anomaly from which it becomes high severity.</summary>
    public const int PastesForHigh = 3;

    /// <summary>The label of a camera stop the browser reported (rather than inferred from missing frames).</summary>
    public const string ReportedByBrowser = "browser";

    /// <summary>The object detector's label for people; one of them is the student.</summary>
    public const string Person = "person";

    /// <summary>The anomaly label when the object detector sees more people than the student.</summary>
    public const string AnotherPerson = "another person";

    // The browser's clock of the signal being applied: recorded on the anomaly, never used for time.
    private DateTimeOffset? _clientAt;

    public IReadOnlyList<AnomalyChange> OnFrame(FrameAnalysis frame, DateTimeOffset at)
    {
        var changes = new List<AnomalyChange>();
        trackers.LastFrameAt = at;
        Close(AnomalyType.WebcamStopped, at, changes);
        if (frame.FaceCheck == CheckStatus.Ok)
        {
            var faces = frame.Faces.Count;
            trackers.NoFaceSince = Held(AnomalyType.NoFace, faces == 0, trackers.NoFaceSince, policy.NoFaceSeconds, at, Severity.High, changes);
            var away = faces == 1 && Math.Abs(frame.Faces[0].Yaw) >= policy.LookingAwayYaw;
            trackers.LookingAwaySince = Held(AnomalyType.LookingAway, away, trackers.LookingAwaySince, policy.LookingAwaySeconds, at, Severity.Medium, changes);
            trackers.MultipleFaceFrames = Consecutive(AnomalyType.MultipleFaces, faces >= 2, trackers.MultipleFaceFrames, policy.MultipleFacesFrames, faces, null, at, Severity.Critical, changes);
        }

        if (frame.ObjectCheck == CheckStatus.Ok)
        {
            // One person is the student: people count only from the second on.
            var people = frame.Objects.Count(o => o.Label == Person);
            var label = frame.Objects.Where(o => o.Label != Person).OrderByDescending(o => o.Score).FirstOrDefault()?.Label
                ?? (people >= 2 ? AnotherPerson : null);
            var severity = label is "cell phone" or AnotherPerson ? Severity.High : Severity.Medium;
            trackers.ObjectFrames = Consecutive(AnomalyType.ObjectDetected, label is not null, trackers.ObjectFrames, policy.ObjectFrames, people, label, at, severity, changes);
        }

        return changes;
    }

    public IReadOnlyList<AnomalyChange> OnSignal(BrowserSignalType signal, DateTimeOffset at, DateTimeOffset? clientAt = null)
    {
        _clientAt = clientAt;
        var changes = new List<AnomalyChange>();
        switch (signal)
        {
            case BrowserSignalType.TabHidden:
                Interval(AnomalyType.TabHidden, at, Severity.Medium, Severity.High, policy.MaxTabSwitches, changes);
                break;
            case BrowserSignalType.WindowBlur when Open(AnomalyType.TabHidden) is null:
                // A hidden tab also blurs the window: the blur adds nothing then.
                Interval(AnomalyType.WindowBlur, at, Severity.Low, Severity.Medium, policy.MaxTabSwitches, changes);
                break;
            case BrowserSignalType.FullscreenExit:
                Interval(AnomalyType.FullscreenExit, at, Severity.Medium, Severity.High, policy.MaxTabSwitches, changes);
                break;
            case BrowserSignalType.Resume:
                Close(AnomalyType.TabHidden, at, changes);
                Close(AnomalyType.WindowBlur, at, changes);
                Close(AnomalyType.FullscreenExit, at, changes);
                break;
            case BrowserSignalType.Copy:
                Instant(AnomalyType.Copy, at, Severity.Low, Severity.Low, int.MaxValue, changes);
                break;
            case BrowserSignalType.Paste:
                Instant(AnomalyType.Paste, at, Severity.Medium, Severity.High, PastesForHigh - 1, changes);
                break;
            case BrowserSignalType.DevtoolsOpen:
                Instant(AnomalyType.DevtoolsOpen, at, Severity.High, Severity.High, int.MaxValue, changes);
                break;
            case BrowserSignalType.WebcamStopped:
                OpenOnce(AnomalyType.WebcamStopped, at, at, WebcamSeverity, changes, ReportedByBrowser);
                break;
        }

        return changes;
    }

    /// <summary>Periodic check: frames that stopped arriving mean the camera stopped.</summary>
    public IReadOnlyList<AnomalyChange> OnTick(DateTimeOffset at, DateTimeOffset sessionStartedAt)
    {
        var changes = new List<AnomalyChange>();
        var lastFrame = trackers.LastFrameAt ?? sessionStartedAt;
        if (policy.WebcamRequired && at - lastFrame >= TimeSpan.FromSeconds(policy.FrameTimeoutSeconds))
        {
            OpenOnce(AnomalyType.WebcamStopped, lastFrame, at, WebcamSeverity, changes);
        }

        foreach (var open in state.Anomalies.Where(a => a.IsOpen && a.Type is AnomalyType.WebcamStopped or AnomalyType.TabHidden or AnomalyType.FullscreenExit))
        {
            open.LastAt = at;
            open.Reason = Reasons.For(open, at);
        }

        return changes;
    }

    /// <summary>The session ended: every open anomaly ends with it.</summary>
    public IReadOnlyList<AnomalyChange> OnEnd(DateTimeOffset at)
    {
        var changes = new List<AnomalyChange>();
        foreach (var open in state.Anomalies.Where(a => a.IsOpen).ToList())
        {
            Close(open.Type, at, changes);
        }

        return changes;
    }

    private Severity WebcamSeverity => policy.WebcamRequired ? Severity.Critical : Severity.Medium;

    private AnomalyRecord? Open(AnomalyType type) => state.Anomalies.LastOrDefault(a => a.Type == type && a.IsOpen);

    /// <summary>A condition that must hold for some seconds; returns the new "since".</summary>
    private DateTimeOffset? Held(AnomalyType type, bool holds, DateTimeOffset? since, int seconds, DateTimeOffset at, Severity severity, List<AnomalyChange> changes)
    {
        var open = Open(type);
        if (!holds)
        {
            Close(type, at, changes);
            return null;
        }

        since ??= open?.StartedAt ?? at;
        if (open is not null)
        {
            Touch(open, at, changes);
        }
        else if (at - since.Value >= TimeSpan.FromSeconds(seconds))
        {
            Start(type, severity, since.Value, at, peak: 0, label: null, changes, evidence: true);
        }

        return since;
    }

    /// <summary>A condition that must be seen in consecutive frames; returns the new frame count.</summary>
    private int Consecutive(AnomalyType type, bool holds, int frames, int needed, int peak, string? label, DateTimeOffset at, Severity severity, List<AnomalyChange> changes)
    {
        if (!holds)
        {
            Close(type, at, changes);
            return 0;
        }

        frames++;
        if (Open(type) is { } open)
        {
            open.Peak = Math.Max(open.Peak, peak);
            open.Frames = frames;
            Touch(open, at, changes);
            Escalate(open, severity, changes);
        }
        else if (frames >= needed)
        {
            var started = Start(type, severity, at, at, peak, label, changes, evidence: true);
            started.Frames = frames;
            started.Reason = Reasons.For(started, at);
        }

        return frames;
    }

    /// <summary>A browser state that lasts until <see cref="BrowserSignalType.Resume"/>; quick repeats merge.</summary>
    private void Interval(AnomalyType type, DateTimeOffset at, Severity severity, Severity repeated, int tolerated, List<AnomalyChange> changes)
    {
        Bump(type);
        if (Open(type) is not null)
        {
            return;
        }

        if (Recent(type, at) is { } previous)
        {
            previous.EndedAt = null;
            previous.CurrentSince = at;
            previous.Count++;
            previous.ClientLastAt = _clientAt;
            Touch(previous, at, changes);
            Escalate(previous, previous.Count > tolerated ? repeated : severity, changes);
            return;
        }

        Start(type, state.Counters[type] > tolerated ? repeated : severity, at, at, 0, null, changes, evidence: false);
    }

    /// <summary>A one-off event (copy, paste, devtools); repeats within the merge window join it.</summary>
    private void Instant(AnomalyType type, DateTimeOffset at, Severity severity, Severity repeated, int tolerated, List<AnomalyChange> changes)
    {
        Bump(type);
        if (Recent(type, at) is { } previous)
        {
            previous.Count++;
            previous.EndedAt = at;
            previous.ClientLastAt = _clientAt;
            Touch(previous, at, changes);
            Escalate(previous, previous.Count > tolerated ? repeated : severity, changes);
            return;
        }

        var started = Start(type, severity, at, at, 0, null, changes, evidence: false);
        started.EndedAt = at;
    }

    private void OpenOnce(AnomalyType type, DateTimeOffset since, DateTimeOffset at, Severity severity, List<AnomalyChange> changes, string? label = null)
    {
        if (Open(type) is null)
        {
            Bump(type);
            Start(type, severity, since, at, 0, label, changes, evidence: false);
        }
    }

    private AnomalyRecord? Recent(AnomalyType type, DateTimeOffset at) =>
        state.Anomalies.LastOrDefault(a => a.Type == type && a.EndedAt is { } end && at - end <= MergeWindow);

    private AnomalyRecord Start(AnomalyType type, Severity severity, DateTimeOffset since, DateTimeOffset at, int peak, string? label, List<AnomalyChange> changes, bool evidence)
    {
        if (type is AnomalyType.NoFace or AnomalyType.MultipleFaces or AnomalyType.LookingAway or AnomalyType.ObjectDetected)
        {
            Bump(type);
        }

        var record = new AnomalyRecord
        {
            Id = newId(),
            Type = type,
            Severity = severity,
            StartedAt = since,
            CurrentSince = since,
            LastAt = at,
            Peak = peak,
            Label = label,
            ClientStartedAt = _clientAt,
            ClientLastAt = _clientAt,
        };
        record.Reason = Reasons.For(record, at);
        state.Anomalies.Add(record);
        changes.Add(new AnomalyChange(record, AnomalyChangeKind.Opened, evidence));
        return record;
    }

    private static void Touch(AnomalyRecord open, DateTimeOffset at, List<AnomalyChange> changes)
    {
        open.LastAt = at;
        open.Reason = Reasons.For(open, at);
        changes.Add(new AnomalyChange(open, AnomalyChangeKind.Updated));
    }

    private static void Escalate(AnomalyRecord anomaly, Severity severity, List<AnomalyChange> changes)
    {
        if (severity > anomaly.Severity)
        {
            anomaly.Severity = severity;
            changes.Add(new AnomalyChange(anomaly, AnomalyChangeKind.Escalated));
        }
    }

    private void Close(AnomalyType type, DateTimeOffset at, List<AnomalyChange> changes)
    {
        if (Open(type) is { } open)
        {
            open.EndedAt = at;
            open.LastAt = at;
            open.Total += at - open.CurrentSince;
            open.Reason = Reasons.For(open, at);
            changes.Add(new AnomalyChange(open, AnomalyChangeKind.Closed));
        }
    }

    private void Bump(AnomalyType type) => state.Counters[type] = state.Counters.GetValueOrDefault(type) + 1;
}
