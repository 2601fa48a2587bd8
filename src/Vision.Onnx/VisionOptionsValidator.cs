using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// Refuses vision settings that would silently disable a check or starve the silo, naming the configuration
/// key. A missing model file is not refused: the analyzer reports it as unavailable and the health check says so.
/// </summary>
public sealed class VisionOptionsValidator : IValidateOptions<VisionOptions>
{
    /// <summary>The most workers accepted; each is a dedicated thread with its own buffers.</summary>
    public const int MaxWorkers = 256;

    /// <summary>The longest <see cref="VisionOptions.MaxQueueWait"/>: a student's next frame comes 2 s later.</summary>
    public static readonly TimeSpan MaxQueueWaitLimit = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, VisionOptions options)
    {
        var section = VisionOptions.Section;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FaceModelPath))
        {
            failures.Add($"{section}:FaceModelPath is empty; it must name the face model file.");
        }

        Score($"{section}:FaceScoreThreshold", options.FaceScoreThreshold, failures);
        Score($"{section}:ObjectScoreThreshold", options.ObjectScoreThreshold, failures);
        if (!(options.FaceIouThreshold is > 0f and <= 1f))
        {
            failures.Add($"{section}:FaceIouThreshold is {Show(options.FaceIouThreshold)}; it must be greater than 0 and at most 1.");
        }

        if (options.MaxFaces < 1)
        {
            failures.Add($"{section}:MaxFaces is {options.MaxFaces}; it must be at least 1 (a second face is what the check looks for).");
        }

        if (options.Workers is { } workers && workers is < 1 or > MaxWorkers)
        {
            failures.Add($"{section}:Workers is {workers}; it must be between 1 and {MaxWorkers} (leave it unset for the number of cores).");
        }

        if (options.WorkerNice is < 0 or > 19)
        {
            // Negative values would put inference ahead of the alert path (and need CAP_SYS_NICE).
            failures.Add($"{section}:WorkerNice is {options.WorkerNice}; it must be between 0 (normal priority) and 19 (lowest).");
        }

        if (options.MaxQueueWait < TimeSpan.Zero || options.MaxQueueWait > MaxQueueWaitLimit)
        {
            // A wait past the next frame (2 s) would analyse stale pictures while fresher ones queue behind them.
            failures.Add($"{section}:MaxQueueWait is {options.MaxQueueWait}; it must be between 00:00:00 (no waiting frames) and {MaxQueueWaitLimit}.");
        }

        if (options.OverdueMaxQueueWait < options.MaxQueueWait || options.OverdueMaxQueueWait > MaxQueueWaitLimit)
        {
            // Below the routine bound an overdue frame would be shed before a routine one.
            failures.Add($"{section}:OverdueMaxQueueWait is {options.OverdueMaxQueueWait}; it must be between {section}:MaxQueueWait ({options.MaxQueueWait}) and {MaxQueueWaitLimit}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A threshold of 0 would accept every candidate and 1 none: both turn the check into noise or silence.
    private static void Score(string key, float value, List<string> failures)
    {
        if (!(value is > 0f and < 1f))
        {
            failures.Add($"{key} is {Show(value)}; it must be between 0 and 1 (exclusive).");
        }
    }

    private static string Show(float value) => value.ToString(CultureInfo.InvariantCulture);
}
