namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>Signals the exam page reports (docs/API.md §6 <c>events.type</c>).</summary>
[GenerateSerializer, Alias("pw.browser-signal-type")]
public enum BrowserSignalType
{
    /// <summary>The page became hidden (tab switch, minimise).</summary>
    TabHidden = 0,

    /// <summary>The window lost focus.</summary>
    WindowBlur = 1,

    /// <summary>Full screen was left.</summary>
    FullscreenExit = 2,

    /// <summary>Text was copied.</summary>
    Copy = 3,

    /// <summary>Text was pasted.</summary>
    Paste = 4,

    /// <summary>The camera track ended.</summary>
    WebcamStopped = 5,

    /// <summary>Developer tools were detected.</summary>
    DevtoolsOpen = 6,

    /// <summary>The student is back: visible, focused and in full screen again.</summary>
    Resume = 7,
}
