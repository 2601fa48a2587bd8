namespace ProctorWise.Grains.Interfaces.Proctoring;

/// <summary>
/// The latest webcam frame a session received, for the proctor's camera tile (kept in memory only, never
/// stored: evidence keeps its own rules).
/// </summary>
/// <param name="Jpeg">The JPEG as the browser sent it; null when the caller already has this frame.</param>
/// <param name="CapturedAt">When the server received it (also the frame's version, for ETag / If-None-Match).</param>
[GenerateSerializer, Immutable, Alias("pw.live-frame")]
public sealed record class LiveFrame(byte[]? Jpeg, DateTimeOffset CapturedAt);
