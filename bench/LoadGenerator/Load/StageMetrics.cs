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

    public Samples FramePost { get; } = new();

    public Samples EventPost { get; } = new();

    public StatusCounts Statuses { get; } = new();

    public int FramesAccepted => Volatile.Read(ref _framesAccepted);

    /// <summary>Frame slots given up because the previous frame's answer came too late to keep the schedule.</summary>
    public int FramesLate => Volatile.Read(ref _framesLate);

    /// <summary>Faces the server found in the first accepted frame (a check that the frames look like a student); null before one.</summary>
    public int? FacesInFirstFrame => Volatile.Read(ref _faces) is var n && n >= 0 ? n : null;

    public void FrameDone(CallResult result, TimeSpan elapsed)
    {
        Statuses.Add(Frames, result.Status);
        FramePost.Add(elapsed);
        if (result.IsSuccess && Interlocked.Increment(ref _framesAccepted) == 1)
        {
            Volatile.Write(ref _faces, CountFaces(result.Body));
        }
    }

    public void FramesSkipped(int count) => Interlocked.Add(ref _framesLate, count);

    public void EventDone(CallResult result, TimeSpan elapsed)
    {
        Statuses.Add(Events, result.Status);
        EventPost.Add(elapsed);
    }

    private static int CountFaces(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("faces", out var faces) ? faces.GetArrayLength() : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
