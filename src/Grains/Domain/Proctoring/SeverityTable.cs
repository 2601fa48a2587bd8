using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Domain.Proctoring;

/// <summary>
/// How serious each anomaly is, in one place (docs/proctoring.md): the severity an anomaly opens with and
/// the one it escalates to once repeated beyond the policy's tolerance. Severities only ever rise.
/// </summary>
internal static class SeverityTable
{
    /// <summary>Pastes in one anomaly from which it becomes high severity.</summary>
    public const int PastesForHigh = 3;

    /// <summary>The object detector's labels that are as serious as a second person.</summary>
    private static readonly HashSet<string> s_seriousObjects = new(StringComparer.Ordinal) { "cell phone", ProctoringRules.AnotherPerson };

    /// <summary>The severity of a new anomaly of <paramref name="type"/>.</summary>
    public static Severity Initial(AnomalyType type, bool webcamRequired = true, string? label = null) => type switch
    {
        AnomalyType.NoFace => Severity.High,
        AnomalyType.LookingAway => Severity.Medium,
        AnomalyType.MultipleFaces => Severity.Critical,
        AnomalyType.ObjectDetected => label is not null && s_seriousObjects.Contains(label) ? Severity.High : Severity.Medium,
        AnomalyType.TabHidden => Severity.Medium,
        AnomalyType.WindowBlur => Severity.Low,
        AnomalyType.FullscreenExit => Severity.Medium,
        AnomalyType.Copy => Severity.Low,
        AnomalyType.Paste => Severity.Medium,
        AnomalyType.DevtoolsOpen => Severity.High,
        AnomalyType.WebcamStopped => webcamRequired ? Severity.Critical : Severity.Medium,
        _ => Severity.Medium,
    };

    /// <summary>The severity once occurrences exceed the tolerance (never lower than <see cref="Initial"/>).</summary>
    public static Severity Repeated(AnomalyType type) => type switch
    {
        AnomalyType.TabHidden or AnomalyType.FullscreenExit or AnomalyType.Paste => Severity.High,
        AnomalyType.WindowBlur => Severity.Medium,
        _ => Initial(type),
    };

    /// <summary>How many occurrences of a browser signal are tolerated before it escalates.</summary>
    public static int Tolerated(AnomalyType type, int maxTabSwitches) => type switch
    {
        AnomalyType.TabHidden or AnomalyType.WindowBlur or AnomalyType.FullscreenExit => maxTabSwitches,
        AnomalyType.Paste => PastesForHigh - 1,
        _ => int.MaxValue,
    };

    /// <summary>The severity after <paramref name="occurrences"/> occurrences.</summary>
    public static Severity After(AnomalyType type, int occurrences, int maxTabSwitches) =>
        occurrences > Tolerated(type, maxTabSwitches) ? Repeated(type) : Initial(type);
}
