namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>What a proctoring rule detected (JSON: snake_case, e.g. <c>no_face</c>).</summary>
[GenerateSerializer, Alias("pw.anomaly-type")]
public enum AnomalyType
{
    /// <summary>No face visible for a while.</summary>
    NoFace = 0,

    /// <summary>Several faces over consecutive frames.</summary>
    MultipleFaces = 1,

    /// <summary>Head turned away for a while.</summary>
    LookingAway = 2,

    /// <summary>A forbidden object (phone, book, laptop) over consecutive frames.</summary>
    ObjectDetected = 3,

    /// <summary>The exam tab was hidden.</summary>
    TabHidden = 4,

    /// <summary>The exam window lost focus.</summary>
    WindowBlur = 5,

    /// <summary>Full screen was left.</summary>
    FullscreenExit = 6,

    /// <summary>Text was copied.</summary>
    Copy = 7,

    /// <summary>Text was pasted.</summary>
    Paste = 8,

    /// <summary>The webcam stopped (reported by the browser or inferred from missing frames).</summary>
    WebcamStopped = 9,

    /// <summary>Developer tools were opened.</summary>
    DevtoolsOpen = 10,
}
