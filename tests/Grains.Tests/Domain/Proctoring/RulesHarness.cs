using ProctorWise.Grains.Domain.Proctoring;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Proctoring;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Tests.Domain.Proctoring;

/// <summary>Feeds the rules with frames and signals at simulated seconds since the start.</summary>
internal sealed class RulesHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly ProctoringRules _rules;

    public RulesHarness(ProctoringPolicy? policy = null)
    {
        var ids = 0;
        _rules = new ProctoringRules(policy ?? ProctoringPolicy.Default, State, new ConditionTrackers(), () => $"a{++ids}");
    }

    public ProctoringState State { get; } = new();

    public List<AnomalyChange> All { get; } = [];

    public IEnumerable<AnomalyChange> Alerts => All.Where(c => c.Alerts);

    public static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    public IReadOnlyList<AnomalyChange> Frame(double at, int faces = 1, float yaw = 0, string? objectLabel = null, bool objectsAvailable = false)
    {
        var detections = Enumerable.Range(0, faces).Select(_ => new FaceDetection(new BoundingBox(10, 10, 50, 50), 0.9f, [], yaw)).ToList();
        IReadOnlyList<DetectedObject> objects = objectLabel is null ? [] : [new DetectedObject(67, objectLabel, 0.8f, new BoundingBox(0, 0, 5, 5))];
        var frame = new FrameAnalysis(320, 240, detections, objects, CheckStatus.Ok, objectsAvailable ? CheckStatus.Ok : CheckStatus.Unavailable);
        return Record(_rules.OnFrame(frame, At(at)));
    }

    /// <summary>A frame with one face and the object detector's labels (it ran).</summary>
    public IReadOnlyList<AnomalyChange> FrameWithObjects(double at, params string[] labels)
    {
        IReadOnlyList<DetectedObject> objects = [.. labels.Select((label, i) => new DetectedObject(0, label, 0.9f - (0.01f * i), new BoundingBox(i * 10, 0, 5, 5)))];
        var face = new FaceDetection(new BoundingBox(10, 10, 50, 50), 0.9f, [], 0);
        return Record(_rules.OnFrame(new FrameAnalysis(320, 240, [face], objects, CheckStatus.Ok, CheckStatus.Ok), At(at)));
    }

    /// <summary>A frame the server did not analyse (shed under load).</summary>
    public IReadOnlyList<AnomalyChange> SkippedFrame(double at) =>
        Record(_rules.OnFrame(new FrameAnalysis(0, 0, [], [], CheckStatus.Skipped, CheckStatus.Unavailable), At(at)));

    /// <summary>A frame received while the server has no face model.</summary>
    public IReadOnlyList<AnomalyChange> UnavailableFrame(double at) =>
        Record(_rules.OnFrame(new FrameAnalysis(0, 0, [], [], CheckStatus.Unavailable, CheckStatus.Unavailable), At(at)));

    /// <summary>Frames every two seconds from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public void Frames(double from, double to, int faces = 1, float yaw = 0, string? objectLabel = null, bool objectsAvailable = false)
    {
        for (var t = from; t <= to; t += 2)
        {
            Frame(t, faces, yaw, objectLabel, objectsAvailable);
        }
    }

    public IReadOnlyList<AnomalyChange> Signal(double at, BrowserSignalType type, DateTimeOffset? clientAt = null) => Record(_rules.OnSignal(type, At(at), clientAt));

    /// <summary>The session's risk score at <paramref name="at"/> seconds.</summary>
    public int Risk(double at) => RiskScore.Compute(State.Anomalies, At(at));

    public IReadOnlyList<AnomalyChange> Tick(double at) => Record(_rules.OnTick(At(at), Start));

    public IReadOnlyList<AnomalyChange> End(double at) => Record(_rules.OnEnd(At(at)));

    private IReadOnlyList<AnomalyChange> Record(IReadOnlyList<AnomalyChange> changes)
    {
        All.AddRange(changes);
        return changes;
    }
}
