using System.Diagnostics.Metrics;
using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Vision;

/// <summary>
/// The meter <c>ProctorWise.Vision</c>: frames received, by what happened to them (<c>result</c> = <c>analysed</c>,
/// <c>unchanged</c> (skipped as near-identical), <c>shed</c> (over capacity) or <c>unavailable</c> (no model)).
/// Exported as <c>proctorwise_vision_frames_total</c> with Prometheus.
/// </summary>
public sealed class VisionMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ProctorWise.Vision";

    /// <summary>The counter's name.</summary>
    public const string FramesName = "proctorwise.vision.frames";

    private static readonly KeyValuePair<string, object?> s_analysed = new("result", "analysed");
    private static readonly KeyValuePair<string, object?> s_unchanged = new("result", "unchanged");
    private static readonly KeyValuePair<string, object?> s_shed = new("result", "shed");
    private static readonly KeyValuePair<string, object?> s_unavailable = new("result", "unavailable");
    private readonly Counter<long> _frames;

    public VisionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _frames = meters.Create(MeterName).CreateCounter<long>(FramesName, "{frame}", "Webcam frames received, by result: analysed, unchanged (skipped as near-identical), shed (over capacity), unavailable (no model).");
    }

    /// <summary>Counts one frame by its face check.</summary>
    public void Count(CheckStatus faceCheck) => _frames.Add(1, faceCheck switch
    {
        CheckStatus.Ok => s_analysed,
        CheckStatus.Unchanged => s_unchanged,
        CheckStatus.Skipped => s_shed,
        _ => s_unavailable,
    });
}
