using ProctorWise.Grains.Interfaces.Proctoring;

namespace ProctorWise.Grains.Sessions;

/// <summary>
/// The session's latest received frame, in memory only (one per active session, replaced by each frame,
/// forgotten when the grain deactivates): what a proctor's camera tile shows. Frames are never stored
/// here beyond that; evidence keeps its own rules.
/// </summary>
internal sealed class LatestFrame
{
    private byte[]? _jpeg;
    private DateTimeOffset _capturedAt;

    /// <summary>Replaces the frame. A frame received at the same instant as the held one still replaces it,
    /// one tick later, so that every new frame has a new version.</summary>
    public void Keep(byte[] jpeg, DateTimeOffset receivedAt)
    {
        _capturedAt = _jpeg is not null && receivedAt <= _capturedAt ? _capturedAt.AddTicks(1) : receivedAt;
        _jpeg = jpeg;
    }

    public void Forget() => _jpeg = null;

    /// <summary>The frame, without its bytes when the caller already has this version; null when there is none.</summary>
    public LiveFrame? Read(DateTimeOffset? knownCapturedAt) => _jpeg is null
        ? null
        : new LiveFrame(knownCapturedAt == _capturedAt ? null : _jpeg, _capturedAt);
}
