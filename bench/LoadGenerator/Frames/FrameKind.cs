namespace ProctorWise.LoadGenerator.Frames;

/// <summary>What the simulated webcam shows.</summary>
internal enum FrameKind
{
    /// <summary>The repository's test photo (a real face), cropped to a webcam frame.</summary>
    Photo,

    /// <summary>A drawn face-like blob on a grey wall.</summary>
    Blob,

    /// <summary>An empty grey frame (no face: the session raises no_face after a few seconds).</summary>
    Grey,
}
