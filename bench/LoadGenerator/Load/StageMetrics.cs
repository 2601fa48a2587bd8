using System.Collections.Concurrent;
using System.Text.Json;
using ProctorWise.LoadGenerator.Api;
using ProctorWise.LoadGenerator.Metrics;

namespace ProctorWise.LoadGenerator.Load;

/// <summary>What the students' HTTP calls measured during a stage's load phase.</summary>
internal sealed class StageMetrics
{
    public const string Frames = "frames";
    public const string Events = "events";

    private int _framesAccepted;
    private int _framesLate;
    private int _faces = -1;
    private int _framesAnalysed;
    private int _framesShed;
    private int _framesUnchanged;

    public Samples FramePost { get; } = new();

    public Samples EventPost { get; } = new();

    /// <summary>Per student, the time between two consecutive analysed frames (from its first accepted frame, up to the stage's end).</summary>
    public Samples AnalysedGaps { get; } = new();

    public StatusCounts Statuses { get; } = new();

    /// <summary>Every load call, in the order answered (for --raw: the faults report splits them by phase).</summary>
    public ConcurrentQueue<CallRecord> Calls { get; } = new();

    public int FramesAccepted => Volatile.Read(ref _framesAccepted);

    /// <summary>Accepted frames the server ran face detection on (<c>checks.face = "ok"</c>).</summary>
    public int FramesAnalysed => Volatile.Read(ref _framesAnalysed);

    /// <summary>Accepted frames the server shed under load (<c>checks.face = "skipped"</c>): answered, not analysed.</summary>
    public int FramesShed => Volatile.Read(ref _framesShed);

    /// <summary>Accepted frames the server skipped as near-identical to the session's last analysed one (<c>checks.face = "unchanged"</c>).</summary>
    public int FramesUnchanged => Volatile.Read(ref _framesUnchanged);

    /// <summary>Frame slots given up because the previous frame's answer came too late to keep the schedule.</summary>
    public int FramesLate => Volatile.Read(ref _framesLate);

    /// <summary>Faces the server found in the first analysed frame (a check that the frames look like a student); null before one.</summary>
    public int? FacesInFirstFrame => Volatile.Read(ref _faces) is var n && n >= 0 ? n : null;

    /// <summary>Records a frame's answer; returns its face check (<c>ok</c>, <c>skipped</c>, <c>unchanged</c>, …) or null when it was refused.</summary>
    public string? FrameDone(CallResult result, TimeSpan elapsed, int student, long sentAt)
    {
        Statuses.Add(Frames, result.Status);
        FramePost.Add(elapsed);
        var (faces, check) = result.IsSuccess ? Read(result.Body) : (0, null);
        Calls.Enqueue(new CallRecord(sentAt, "frame", student, result.Status, check == "skipped"));
        if (!result.IsSuccess)
        {
            return null;
        }

        Interlocked.Increment(ref _framesAccepted);
        if (check == "ok" && Interlocked.Increment(ref _framesAnalysed) == 1)
        {
            Volatile.Write(ref _faces, faces);
        }
        else if (check == "skipped")
        {
            Interlocked.Increment(ref _framesShed);
        }
        else if (check == "unchanged")
        {
            Interlocked.Increment(ref _framesUnchanged);
        }

        return check;
    }

    public void AnswerDone(CallResult result, int student, long sentAt)
    {
        Calls.Enqueue(new CallRecord(sentAt, "answer", student, result.Status, Shed: false));
        Statuses.Add("answers", result.Status);
    }

    public void FramesSkipped(int count) => Interlocked.Add(ref _framesLate, count);

    public void EventDone(CallResult result, TimeSpan elapsed, int student, long sentAt, string type)
    {
        Calls.Enqueue(new CallRecord(sentAt, type, student, result.Status, Shed: false));
        Statuses.Add(Events, result.Status);
        EventPost.Add(elapsed);
    }

    /// <summary>The number of faces and the face check's status in a frame answer (<c>{faces, checks: {face}}</c>).</summary>
    private static (int Faces, string? FaceCheck) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var faces = root.TryGetProperty("faces", out var list) ? list.GetArrayLength() : 0;
            var check = root.TryGetProperty("checks", out var checks) && checks.TryGetProperty("face", out var face) ? face.GetString() : null;
            return (faces, check);
        }
        catch (JsonException)
        {
            return (0, null);
        }
    }
}
