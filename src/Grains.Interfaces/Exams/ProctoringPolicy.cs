namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>
/// Thresholds of the proctoring rules for one exam (docs/API.md §3 <c>policy</c>). New members are appended
/// with defaults so stored exams keep loading.
/// </summary>
/// <param name="NoFaceSeconds">No face visible for this long raises <c>no_face</c>.</param>
/// <param name="LookingAwaySeconds">Head turned away for this long raises <c>looking_away</c>.</param>
/// <param name="MultipleFacesFrames">Consecutive frames with several faces before <c>multiple_faces</c>.</param>
/// <param name="MaxTabSwitches">Tab switches tolerated before the anomaly becomes high severity.</param>
/// <param name="WebcamRequired">Whether frames are expected during the whole session.</param>
/// <param name="ShuffleQuestions">Deliver questions in a per-student order.</param>
/// <param name="FrameTimeoutSeconds">No frame for this long infers <c>webcam_stopped</c>.</param>
/// <param name="LookingAwayYaw">Head-turn proxy (|yaw|, 0 = facing the camera) from which the student counts as looking away.</param>
/// <param name="ObjectFrames">Consecutive frames showing a forbidden object before <c>object_detected</c>.</param>
[GenerateSerializer, Immutable, Alias("pw.proctoring-policy")]
public sealed record class ProctoringPolicy(
    int NoFaceSeconds = 5,
    int LookingAwaySeconds = 5,
    int MultipleFacesFrames = 2,
    int MaxTabSwitches = 3,
    bool WebcamRequired = true,
    bool ShuffleQuestions = false,
    int FrameTimeoutSeconds = 15,
    double LookingAwayYaw = 0.3,
    int ObjectFrames = 2)
{
    /// <summary>The defaults used when an exam gives no policy.</summary>
    public static ProctoringPolicy Default { get; } = new();
}
