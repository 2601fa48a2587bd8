using System.Globalization;
using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>The plain-language reasons proctors read ("No face visible for 7 s").</summary>
internal static class Reasons
{
    public static string For(AnomalyRecord a, DateTimeOffset at) => a.Type switch
    {
        AnomalyType.NoFace => $"No face visible for {Seconds(Elapsed(a, at))} s",
        AnomalyType.LookingAway => $"Looking away from the screen for {Seconds(Elapsed(a, at))} s",
        AnomalyType.MultipleFaces => $"{Math.Max(a.Peak, 2)} faces in view for {Math.Max(a.Frames, 1)} frames",
        AnomalyType.ObjectDetected => a.Label == ProctoringRules.AnotherPerson
            ? $"{Math.Max(a.Peak, 2)} people in view for {Math.Max(a.Frames, 1)} frames"
            : $"{Capitalize(a.Label ?? "Object")} visible in {Math.Max(a.Frames, 1)} frames",
        AnomalyType.TabHidden => Interval("Left the exam tab", a, at),
        AnomalyType.WindowBlur => Interval("Exam window lost focus", a, at),
        AnomalyType.FullscreenExit => Interval("Left full screen", a, at),
        AnomalyType.Copy => Repeated("Copied text", a.Count),
        AnomalyType.Paste => Repeated("Pasted text", a.Count),
        AnomalyType.DevtoolsOpen => Repeated("Opened developer tools", a.Count),
        AnomalyType.WebcamStopped => (a.IsOpen, a.Label) switch
        {
            (true, SignalRules.ReportedByBrowser) => "Camera turned off in the browser",
            (true, _) => $"Camera stopped: no frame for {Seconds(Elapsed(a, at))} s",
            (false, _) => $"Camera stopped for {Seconds(a.Total)} s",
        },
        _ => a.Type.ToString(),
    };

    private static TimeSpan Elapsed(AnomalyRecord a, DateTimeOffset at) => (a.EndedAt ?? at) - a.StartedAt;

    /// <summary>"Left the exam tab", "… 3 times (25 s away in total)".</summary>
    private static string Interval(string what, AnomalyRecord a, DateTimeOffset at)
    {
        var away = a.Total + (a.IsOpen ? at - a.CurrentSince : TimeSpan.Zero);
        var seconds = Seconds(away);
        if (a.Count == 1)
        {
            return seconds == 0 ? what : $"{what} ({seconds} s away)";
        }

        return $"{what} {a.Count} times ({seconds} s away in total)";
    }

    private static string Repeated(string what, int count) => count == 1 ? what : $"{what} {count} times";

    private static long Seconds(TimeSpan span) => (long)Math.Round(Math.Max(0, span.TotalSeconds), MidpointRounding.AwayFromZero);

    private static string Capitalize(string label) =>
        label.Length == 0 ? label : char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];
}
