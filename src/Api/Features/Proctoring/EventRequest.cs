using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Api.Features.Proctoring;

/// <summary>A browser signal from the exam page.</summary>
/// <param name="Type">tab_hidden, window_blur, fullscreen_exit, copy, paste, webcam_stopped, devtools_open or resume.</param>
/// <param name="OccurredAt">The browser's time (recorded; the server's clock orders events).</param>
/// <param name="Seq">The page's increasing sequence number; repeats are ignored.</param>
/// <remarks>The signal is all the server keeps: a free-text detail was accepted once but never stored or shown, so it went.</remarks>
public sealed record EventRequest(BrowserSignalType? Type, DateTimeOffset? OccurredAt, long? Seq);
