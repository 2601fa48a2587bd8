namespace ProctorWise.Grains.Interfaces.Exams;

/// <summary>
/// What a student is told about an exam's proctoring: what is watched, never the thresholds (issue 12:
/// the numbers to stay under are for the exam's owner and admins only).
/// </summary>
/// <param name="WebcamRequired">Frames are expected for the whole session; the face checks apply.</param>
/// <param name="BrowserActivity">Tab switches, leaving full screen and pasting are recorded (always true).</param>
[GenerateSerializer, Immutable, Alias("pw.exam-monitoring")]
public sealed record class ExamMonitoring(bool WebcamRequired, bool BrowserActivity)
{
    /// <summary>The summary of a policy (the default policy when none is given).</summary>
    /// <param name="policy">The exam's policy.</param>
    public static ExamMonitoring Of(ProctoringPolicy? policy) => new((policy ?? ProctoringPolicy.Default).WebcamRequired, BrowserActivity: true);
}
