namespace ProctorWise.LoadGenerator.Frames;

/// <summary>What the simulated webcam shows.</summary>
internal enum FrameKind
{
    /// <summary>The repository's test photo (a real face), cropped to a webcam frame.</summary>
    Photo,

    /// <summary>A drawn face-like blob on a grey wall.</summary>
    Blob,

    /// <summary>
    /// The test photo at one fixed crop, each variant with its own pixel noise (±4 levels): a student who sits still
    /// in front of a fixed camera. Unlike <see cref="Photo"/>, whose variants move the whole picture 2–3 pixels
    /// (camera shake), the server can recognise these frames as near-identical.
    /// </summary>
    Still,

    /// <summary>An empty grey frame (no face: the session raises no_face after a few seconds).</summary>
    Grey,
}
