namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>
/// Runs the vision models on a frame, off the session grains (stateless worker: as many local
/// activations as there are calls, sharing one loaded model per silo).
/// </summary>
[Alias("pw.IFrameAnalysisGrain")]
public interface IFrameAnalysisGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Analyses a JPEG (an overdue frame may wait longer for a worker before it is shed); 400 when the bytes are not a
    /// decodable image.
    /// </summary>
    [Alias("AnalyzeWithUrgency")]
    Task<FrameAnalysis> AnalyzeAsync(byte[] jpeg, FrameUrgency urgency);

    /// <summary>Which checks this silo can run.</summary>
    [Alias("GetStatus")]
    Task<VisionStatus> GetStatusAsync();
}
