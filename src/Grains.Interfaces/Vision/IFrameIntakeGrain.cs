using ProctorWise.Grains.Interfaces.Security;

namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>
/// The frame path of a session (key: 0; a stateless worker on every silo): admits the frame with the session
/// (its student, at most one a second), has it analysed and hands the result and the JPEG to the session.
/// </summary>
[Alias("pw.IFrameIntakeGrain")]
public interface IFrameIntakeGrain : IGrainWithIntegerKey
{
    /// <summary>Processes one frame of <paramref name="sessionId"/>; returns what the analysis found.</summary>
    [Alias("Submit")]
    Task<FrameAnalysis> SubmitAsync(Caller caller, string sessionId, byte[] jpeg);
}
