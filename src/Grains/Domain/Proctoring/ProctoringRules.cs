using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// The temporal rules that turn detections and browser signals into anomalies (docs/proctoring.md): camera
/// rules (<see cref="FrameRules"/>), browser rules (<see cref="SignalRules"/>) and the periodic camera check
/// (<see cref="CameraWatch"/>), all over one <see cref="AnomalyLedger"/>. A continuing or quickly repeated
/// condition extends one anomaly instead of firing again; only a new anomaly or a rise in severity alerts
/// proctors. Times are the server's.
/// </summary>
internal sealed class ProctoringRules
{
    /// <summary>The object detector's label for people; one of them is the student.</summary>
    public const string Person = "person";

    /// <summary>The anomaly label when the object detector sees more people than the student.</summary>
    public const string AnotherPerson = "another person";

    private readonly AnomalyLedger _ledger;
    private readonly FrameRules _frames;
    private readonly SignalRules _signals;
    private readonly CameraWatch _camera;

    public ProctoringRules(ProctoringPolicy policy, ProctoringState state, ConditionTrackers trackers, Func<string> newId)
    {
        _ledger = new AnomalyLedger(state, newId);
        _frames = new FrameRules(policy, _ledger, trackers);
        _signals = new SignalRules(policy, _ledger);
        _camera = new CameraWatch(policy, _ledger, trackers);
    }

    public IReadOnlyList<AnomalyChange> OnFrame(FrameAnalysis frame, DateTimeOffset at)
    {
        _frames.Apply(frame, at);
        return _ledger.TakeChanges();
    }

    public IReadOnlyList<AnomalyChange> OnSignal(BrowserSignalType signal, DateTimeOffset at, DateTimeOffset? clientAt = null)
    {
        _ledger.ClientAt = clientAt;
        _signals.Apply(signal, at);
        _ledger.ClientAt = null;
        return _ledger.TakeChanges();
    }

    public IReadOnlyList<AnomalyChange> OnTick(DateTimeOffset at, DateTimeOffset sessionStartedAt)
    {
        _camera.Tick(at, sessionStartedAt);
        return _ledger.TakeChanges();
    }

    /// <summary>The session ended: every open anomaly ends with it.</summary>
    public IReadOnlyList<AnomalyChange> OnEnd(DateTimeOffset at)
    {
        foreach (var type in _ledger.OpenAnomalies.Select(a => a.Type).Distinct().ToList())
        {
            _ledger.Close(type, at);
        }

        return _ledger.TakeChanges();
    }
}
